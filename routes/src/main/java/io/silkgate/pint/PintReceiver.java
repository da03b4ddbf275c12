package io.silkgate.pint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.SecureJson;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DCSA PINT 3.0 receiver: start a transfer (POST envelope), receive additional documents, finish. Every
 * verdict is a JWS signed with the gateway's key; the HTTP status follows the specification (200 RECE/DUPE,
 * 201 started, 204 document received, 409 INCD/MDOC/DISE, 422 BSIG/BENV). A rejected request changes nothing.
 */
public final class PintReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(PintReceiver.class);

    private final EnvelopeVerifier verifier;
    private final PintChainStore store;
    private final PintSigner signer;
    private final AcceptedEnvelopes delivery;

    public PintReceiver(EnvelopeVerifier verifier, PintChainStore store, PintSigner signer,
            AcceptedEnvelopes delivery) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.store = Objects.requireNonNull(store, "store");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    /** {@code POST /envelopes}. */
    public PintAnswer start(byte[] body) {
        CheckedEnvelope envelope;
        StartDecision decision;
        try {
            envelope = verifier.checkChain(body);
            decision = store.begin(envelope, body, verifier::checkAcceptable);
        } catch (PintRejection r) {
            LOG.info("PINT envelope refused: {} {}", r.code(), r.reason());
            return signed(r.code(), lastEntryChecksumOf(body), r.reason(), null, List.of(), List.of());
        }
        if (decision instanceof StartDecision.Disputed d) {
            LOG.warn("PINT envelope for eBL {} disputed: {}", envelope.transportDocumentReference(), d.reason());
            return signed(PintResponseCode.DISE, envelope.lastEntry().checksum(), d.reason(), null, List.of(),
                    List.of());
        }
        if (decision instanceof StartDecision.Duplicate d) {
            return duplicate(d.transfer());
        }
        StartDecision.Started started = (StartDecision.Started) decision;
        PintTransfer t = started.transfer();
        if (started.missing().isEmpty()) {
            return finish(t.envelopeReference());
        }
        ObjectNode answer = SecureJson.mapper().createObjectNode();
        answer.put("envelopeReference", t.envelopeReference());
        answer.put("transportDocumentChecksum", t.transportDocumentChecksum());
        answer.put("lastEnvelopeTransferChainEntrySignedContentChecksum", t.lastEntryChecksum());
        ArrayNode missing = answer.putArray("missingAdditionalDocumentChecksums");
        started.missing().forEach(missing::add);
        LOG.info("PINT transfer {} of eBL {} from {} started; {} additional documents missing",
                t.envelopeReference(), t.transportDocumentReference(), t.senderPlatform(), started.missing().size());
        return new PintAnswer(201, answer.toString(), null, null);
    }

    /** {@code PUT /envelopes/{ref}/additional-documents/{checksum}}: the body is a JSON string of base64. */
    public PintAnswer additionalDocument(String envelopeReference, String checksum, byte[] body) {
        if (!PintChainStore.isEnvelopeReference(envelopeReference)) {
            return unknown(envelopeReference);
        }
        Optional<PintTransfer> transfer = store.transfer(envelopeReference);
        if (transfer.isEmpty()) {
            return unknown(envelopeReference);
        }
        PintTransfer t = transfer.get();
        Optional<DeclaredDocument> declared = store.declaredDocuments(envelopeReference).stream()
                .filter(d -> d.checksum().equals(checksum)).findFirst();
        if (declared.isEmpty()) {
            return incomplete(t, "document " + clip(checksum) + " is not declared in the envelope manifest");
        }
        byte[] content;
        try {
            JsonNode value = SecureJson.parse(body);
            if (!value.isTextual()) {
                return incomplete(t, "the body must be a JSON string holding the base64 document");
            }
            content = Base64.getDecoder().decode(value.asText());
        } catch (DocumentRejectedException | IllegalArgumentException e) {
            return incomplete(t, "the body is not a JSON string of base64: " + e.getMessage());
        }
        if (!PintChecksums.ofBytes(content).equals(checksum)) {
            return incomplete(t, "the document's SHA-256 is not " + checksum);
        }
        if (content.length != declared.get().size()) {
            return incomplete(t, "the document has " + content.length + " bytes, the manifest declares "
                    + declared.get().size());
        }
        store.storeDocument(checksum, content);
        return new PintAnswer(204, null, null, null);
    }

    /** {@code PUT /envelopes/{ref}/finish-transfer}. */
    public PintAnswer finish(String envelopeReference) {
        if (!PintChainStore.isEnvelopeReference(envelopeReference)) {
            return unknown(envelopeReference);
        }
        FinishDecision decision = store.finish(envelopeReference, delivery::handOver);
        if (decision instanceof FinishDecision.Unknown) {
            return unknown(envelopeReference);
        }
        if (decision instanceof FinishDecision.Missing m) {
            return signed(PintResponseCode.MDOC, m.transfer().lastEntryChecksum(),
                    m.missing().size() + " additional documents are still missing", null, m.missing(), List.of());
        }
        if (decision instanceof FinishDecision.AlreadyAccepted a) {
            return duplicate(a.transfer());
        }
        PintTransfer t = ((FinishDecision.Accepted) decision).transfer();
        LOG.info("PINT transfer {} of eBL {} from {} accepted (RECE), ledger document {}", t.envelopeReference(),
                t.transportDocumentReference(), t.senderPlatform(), t.documentId());
        return signed(PintResponseCode.RECE, t.lastEntryChecksum(), null, null, List.of(), received(t));
    }

    private PintAnswer duplicate(PintTransfer t) {
        return signed(PintResponseCode.DUPE, t.lastEntryChecksum(), "this transfer was accepted before",
                t.lastEntry(), List.of(), received(t));
    }

    private List<String> received(PintTransfer t) {
        return store.declaredDocuments(t.envelopeReference()).stream().map(DeclaredDocument::checksum).toList();
    }

    private PintAnswer incomplete(PintTransfer t, String reason) {
        return signed(PintResponseCode.INCD, t.lastEntryChecksum(), reason, null, List.of(), List.of());
    }

    private PintAnswer signed(PintResponseCode code, String lastEntryChecksum, String reason, String duplicateOf,
            List<String> missing, List<String> received) {
        ObjectNode payload = SecureJson.mapper().createObjectNode();
        payload.put("lastEnvelopeTransferChainEntrySignedContentChecksum", lastEntryChecksum);
        payload.put("responseCode", code.name());
        if (reason != null && code != PintResponseCode.RECE) {
            payload.put("reason", reason.length() <= 255 ? reason : reason.substring(0, 254) + "\u2026");
        }
        if (duplicateOf != null) {
            payload.put("duplicateOfAcceptedEnvelopeTransferChainEntrySignedContent", duplicateOf);
        }
        if (code == PintResponseCode.MDOC) {
            ArrayNode list = payload.putArray("missingAdditionalDocumentChecksums");
            missing.forEach(list::add);
        }
        if (code.accepted()) {
            ArrayNode list = payload.putArray("receivedAdditionalDocumentChecksums");
            received.forEach(list::add);
        }
        String jws = signer.sign(EnvelopeWriter.bytes(payload));
        return new PintAnswer(code.httpStatus(), "\"" + jws + "\"", code, reason);
    }

    private static PintAnswer unknown(String envelopeReference) {
        return new PintAnswer(404, null, null, "no transfer with envelope reference " + clip(envelopeReference));
    }

    /**
     * The checksum a refusal names: of the last chain entry when the body has one, else of the whole body (the
     * response must name something, and a body without a chain has no entry to name).
     */
    static String lastEntryChecksumOf(byte[] body) {
        try {
            JsonNode chain = SecureJson.parse(body).path("envelopeTransferChain");
            JsonNode last = chain.isArray() && !chain.isEmpty() ? chain.get(chain.size() - 1) : null;
            if (last != null && last.isTextual()) {
                return PintChecksums.ofJws(last.asText());
            }
        } catch (DocumentRejectedException e) {
            // not JSON: fall through
        }
        return PintChecksums.ofBytes(body);
    }

    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
