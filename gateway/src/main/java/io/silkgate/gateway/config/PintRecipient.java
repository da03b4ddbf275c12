package io.silkgate.gateway.config;

import java.util.Objects;

/** A party on another eBL platform, as a PINT transaction names its recipient. */
public record PintRecipient(String partyName, String eblPlatform, String codeListProvider, String partyCode) {

    public PintRecipient {
        Objects.requireNonNull(partyName, "partyName");
        Objects.requireNonNull(eblPlatform, "eblPlatform");
        Objects.requireNonNull(codeListProvider, "codeListProvider");
        Objects.requireNonNull(partyCode, "partyCode");
    }
}
