package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A contact person with phone and/or email. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartyContactDetail(
        String name, String phone, String email) {
}
