package io.silkgate.gateway.config;

import java.util.Objects;

/** A party this gateway receives eBLs for, identified as in DCSA PINT (code list provider and party code). */
public record PintParty(String codeListProvider, String partyCode) {

    public PintParty {
        Objects.requireNonNull(codeListProvider, "codeListProvider");
        Objects.requireNonNull(partyCode, "partyCode");
    }
}
