package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A cargo item: what is stuffed into one container. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CargoItem(
        String equipmentReference, Measure cargoGrossWeight, Measure cargoGrossVolume, Measure cargoNetWeight,
        Measure cargoNetVolume, OuterPackaging outerPackaging) {
}
