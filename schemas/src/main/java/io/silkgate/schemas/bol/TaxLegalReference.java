package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A tax or legal registration of a party (type, country, value). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaxLegalReference(
        String type, String countryCode, String value) {
}
