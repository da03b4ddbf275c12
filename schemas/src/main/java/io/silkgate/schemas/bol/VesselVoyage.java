package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A vessel and its export voyage. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VesselVoyage(
        String vesselName, String carrierExportVoyageNumber, String universalExportVoyageReference, String role) {
}
