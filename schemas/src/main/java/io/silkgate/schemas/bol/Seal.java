package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A seal on a container and who affixed it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Seal(
        String number, String source) {
}
