package io.silkgate.schemas;

import java.util.List;

/**
 * The few business facts the gateway needs to route and de-duplicate a document, read from the node the
 * signature verifier dereferenced (never re-found elsewhere in the tree). Parties are written
 * {@code <scheme>:<identifier>}, e.g. {@code VA:DE123456789} for a VAT number.
 */
public record DocumentFacts(String format, String documentType, String businessId, String sellerCountry,
        String buyerCountry, List<String> issuerParties) {

    public DocumentFacts {
        issuerParties = issuerParties == null ? List.of() : List.copyOf(issuerParties);
    }
}
