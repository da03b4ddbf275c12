package io.silkgate.pint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An envelope that passed every check that does not depend on history: signatures, checksums, chain links,
 * issuance manifest, transactions and recipient.
 *
 * @param transportDocument  the transport document as parsed
 * @param transportDocumentChecksum SHA-256 of its RFC 8785 form: the eBL's identity for the whole chain
 * @param manifest           the verified envelope manifest
 * @param chain              every chain entry, oldest first
 * @param documents          the additional documents the manifest declares
 */
public record CheckedEnvelope(JsonNode transportDocument, String transportDocumentChecksum, VerifiedJws manifest,
        List<ChainEntry> chain, List<DeclaredDocument> documents) {

    public CheckedEnvelope {
        chain = List.copyOf(chain);
        documents = List.copyOf(documents);
    }

    public ChainEntry lastEntry() {
        return chain.get(chain.size() - 1);
    }

    /** The platform that sent this envelope: the one that signed the last chain entry. */
    public String senderPlatform() {
        return lastEntry().platform();
    }

    public String transportDocumentReference() {
        return transportDocument.path("transportDocumentReference").asText(null);
    }

    /** The last transaction of the last entry: the one that hands the eBL to a party served here. */
    public JsonNode lastTransaction() {
        JsonNode transactions = lastEntry().payload().path("transactions");
        return transactions.get(transactions.size() - 1);
    }
}
