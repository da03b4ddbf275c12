package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A container: its reference, ISO 6346 size-type and tare weight. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Equipment(
        String equipmentReference, @JsonProperty("ISOEquipmentCode") String isoEquipmentCode, Measure tareWeight) {
}
