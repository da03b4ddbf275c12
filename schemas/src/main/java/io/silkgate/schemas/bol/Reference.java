package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A reference given by the shipper (customer reference, vehicle identification number). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reference(
        String type, String value) {
}
