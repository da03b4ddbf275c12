package io.silkgate.pint;

import java.util.Objects;

/** A party this gateway receives eBLs for, by its PINT identifying code. */
public record ServedParty(String codeListProvider, String partyCode) {

    public ServedParty {
        Objects.requireNonNull(codeListProvider, "codeListProvider");
        Objects.requireNonNull(partyCode, "partyCode");
    }
}
