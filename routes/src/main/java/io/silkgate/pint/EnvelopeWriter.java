package io.silkgate.pint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.silkgate.schemas.SecureJson;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the signed parts of a DCSA PINT envelope as a sending platform does: a chain entry linked to the entry
 * before it, the envelope manifest over the transport document and the last entry, and the envelope itself. JWS
 * strings given to it are carried unchanged.
 */
public final class EnvelopeWriter {

    private EnvelopeWriter() {
    }

    /**
     * A signed chain entry.
     *
     * @param previousEntry the compact JWS of the entry before, or null for the first entry
     * @param issuanceManifest the carrier's signed issuance manifest (first entry only), or null
     */
    public static String chainEntry(PintSigner signer, String platform, String transportDocumentChecksum,
            String previousEntry, String issuanceManifest, List<JsonNode> transactions) {
        ObjectNode entry = SecureJson.mapper().createObjectNode();
        entry.put("eblPlatform", platform);
        entry.put("transportDocumentChecksum", transportDocumentChecksum);
        if (previousEntry != null) {
            entry.put("previousEnvelopeTransferChainEntrySignedContentChecksum", PintChecksums.ofJws(previousEntry));
        }
        if (issuanceManifest != null) {
            entry.put("issuanceManifestSignedContent", issuanceManifest);
        }
        ArrayNode list = entry.putArray("transactions");
        transactions.forEach(list::add);
        return signer.sign(bytes(entry));
    }

    /** The carrier's issuance manifest over the transport document and the party it is issued to. */
    public static String issuanceManifest(PintSigner carrier, String transportDocumentChecksum, JsonNode issueTo) {
        ObjectNode manifest = SecureJson.mapper().createObjectNode();
        manifest.put("documentChecksum", transportDocumentChecksum);
        manifest.put("issueToChecksum", EnvelopeVerifier.issueToChecksum(issueTo));
        return carrier.sign(bytes(manifest));
    }

    /** The envelope manifest, signed by the sending platform. */
    public static String manifest(PintSigner signer, String transportDocumentChecksum, String lastEntry,
            List<DeclaredDocument> supportingDocuments) {
        ObjectNode manifest = SecureJson.mapper().createObjectNode();
        manifest.put("transportDocumentChecksum", transportDocumentChecksum);
        manifest.put("lastEnvelopeTransferChainEntrySignedContentChecksum", PintChecksums.ofJws(lastEntry));
        if (!supportingDocuments.isEmpty()) {
            ArrayNode docs = manifest.putArray("supportingDocuments");
            for (DeclaredDocument d : supportingDocuments) {
                ObjectNode node = docs.addObject();
                node.put("name", d.name() == null ? d.checksum() : d.name());
                node.put("size", d.size());
                node.put("mediaType", d.mediaType() == null ? "application/octet-stream" : d.mediaType());
                node.put("documentChecksum", d.checksum());
            }
        }
        return signer.sign(bytes(manifest));
    }

    /** The envelope JSON: the transport document, the manifest and the chain, JWS strings as given. */
    public static byte[] envelope(JsonNode transportDocument, String manifest, List<String> chain) {
        ObjectNode envelope = SecureJson.mapper().createObjectNode();
        envelope.set("transportDocument", transportDocument);
        envelope.put("envelopeManifestSignedContent", manifest);
        ArrayNode entries = envelope.putArray("envelopeTransferChain");
        chain.forEach(entries::add);
        return bytes(envelope);
    }

    /** A transaction of a chain entry. */
    public static ObjectNode transaction(String actionCode, JsonNode actor, JsonNode recipient, String actionDateTime) {
        ObjectNode tx = SecureJson.mapper().createObjectNode();
        tx.put("actionCode", actionCode);
        tx.set("actor", actor);
        if (recipient != null) {
            tx.set("recipient", recipient);
        }
        tx.put("actionDateTime", actionDateTime);
        return tx;
    }

    /** A party as PINT names it: name, platform and one identifying code. */
    public static ObjectNode party(String partyName, String eblPlatform, String codeListProvider, String partyCode) {
        ObjectNode party = SecureJson.mapper().createObjectNode();
        party.put("partyName", partyName);
        party.put("eblPlatform", eblPlatform);
        ObjectNode code = party.putArray("identifyingCodes").addObject();
        code.put("codeListProvider", codeListProvider);
        code.put("partyCode", partyCode);
        return party;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return SecureJson.mapper().writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
