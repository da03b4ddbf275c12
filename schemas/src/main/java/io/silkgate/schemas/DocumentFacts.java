package io.silkgate.schemas;

/**
 * The few business facts the gateway needs to route and de-duplicate a document, read from the node the
 * signature verifier dereferenced (never re-found elsewhere in the tree).
 */
public record DocumentFacts(String format, String documentType, String businessId, String sellerCountry,
        String buyerCountry) {
}
