package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A further document party with its function (SCO, DDR, DDS, COW, COX). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OtherDocumentParty(
        Party party, String partyFunction) {
}
