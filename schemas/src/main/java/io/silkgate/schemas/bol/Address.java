package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A DCSA structured address (of a party or a place). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Address(
        String street, String streetNumber, String floor, String postCode, @JsonProperty("POBox") String poBox,
        String city, @JsonProperty("UNLocationCode") String unLocationCode, String stateRegion, String countryCode) {
}
