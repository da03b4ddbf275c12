package io.silkgate.pint;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.schemas.bol.RuleViolation;
import io.silkgate.schemas.bol.TransportDocumentRules;
import java.util.List;

/**
 * The business rules a transport document inside a PINT envelope must pass; each problem becomes part of a BENV
 * reason. The bill-of-lading rules are plugged in here when the gateway is wired.
 */
@FunctionalInterface
public interface TransportDocumentCheck {

    /** No rules: only what the PINT chain itself guarantees. */
    TransportDocumentCheck NONE = td -> List.of();

    /**
     * The structure of a DCSA eBL 3.0 TransportDocument (required fields, types, code lists, lengths). The conditional
     * rules are not a reason to refuse a title transfer: the carrier signed this content at issuance, and neither the
     * sending nor the receiving platform may change it (the published DCSA examples themselves break some of them).
     */
    TransportDocumentCheck DCSA_STRUCTURE = td -> TransportDocumentRules.check(td).stream()
            .filter(RuleViolation::isSchema)
            .map(v -> v.rule() + " at " + (v.pointer().isEmpty() ? "/" : v.pointer()) + ": " + v.message())
            .toList();

    /** The problems of this transport document; empty when it passes. */
    List<String> problems(JsonNode transportDocument);
}
