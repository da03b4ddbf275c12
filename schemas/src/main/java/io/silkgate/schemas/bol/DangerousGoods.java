package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The dangerous-goods data of a cargo item that the data copies carry (UN/NA number, class, packing group, ...). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DangerousGoods(
        @JsonProperty("UNNumber") String unNumber, @JsonProperty("NANumber") String naNumber, String properShippingName,
        String technicalName, String imoClass, Integer packingGroup, @JsonProperty("EMSNumber") String emsNumber,
        Boolean isMarinePollutant, Measure grossWeight) {
}
