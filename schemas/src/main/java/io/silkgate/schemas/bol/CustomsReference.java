package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A customs reference: type, country and values. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomsReference(
        String type, String countryCode, List<String> values) {
}
