package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A code identifying a party in a code list (an eBL platform, LEI, DUNS, ...). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IdentifyingCode(
        String codeListProvider, String partyCode, String codeListName) {
}
