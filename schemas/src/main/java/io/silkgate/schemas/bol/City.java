package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A DCSA city (of a port): name, region and country. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record City(
        String city, String stateRegion, String countryCode) {
}
