package io.silkgate.pint;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.routes.DeliveryFailedException;
import io.silkgate.routes.DeliveryRejectedException;
import io.silkgate.routes.OutboundDocument;
import io.silkgate.routes.PartnerTransport;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.SecureJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Sends an accepted eBL on to a DCSA PINT receiver (endpoint type {@code pint}), as the sending platform: the
 * received chain travels byte-exact, and this gateway appends one TRANSFER entry (from the party that received the
 * eBL here to {@code pint.forward-recipient}) and signs a new envelope manifest. That envelope is made once and
 * stored, so every retry sends the same bytes. Then: POST the envelope, PUT each missing additional document,
 * finish. Only a verified signed verdict counts: RECE/DUPE deliver, BSIG/BENV/DISE dead-letter at once with the
 * reason, INCD/MDOC resend the documents; anything unsigned is retried by the broker.
 */
public final class PintTransport implements PartnerTransport {

    private static final int MAX_DOCUMENT_ROUNDS = 3;
    private static final int MAX_ERROR_TEXT = 200;

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;
    private final PintChainStore store;
    private final PintSigner signer;
    private final String platform;
    private final JsonNode forwardRecipient;
    private final PintTrust receiverKeys;
    private final Clock clock;

    /**
     * @param base             the receiver's PINT base URL (…/v3); {@code /envelopes} is appended
     * @param forwardRecipient the party (on the receiving platform) the appended TRANSFER names
     * @param receiverKeys     the keys the receiver's signed verdicts are checked with
     */
    public PintTransport(URI base, Duration timeout, HttpClient http, PintChainStore store, PintSigner signer,
            String platform, JsonNode forwardRecipient, PintTrust receiverKeys, Clock clock) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.timeout = timeout;
        this.http = http;
        this.store = store;
        this.signer = signer;
        this.platform = platform;
        this.forwardRecipient = forwardRecipient;
        this.receiverKeys = receiverKeys;
        this.clock = clock;
    }

    @Override
    public void send(OutboundDocument doc) {
        String envelope = outbound(doc);
        Answer start = call("POST", base + "/envelopes", envelope);
        if (start.status() == 201) {
            JsonNode started = json(start);
            String ref = started.path("envelopeReference").asText("");
            if (ref.isEmpty() || !ref.matches("[A-Za-z0-9._~-]{1,100}")) {
                throw new DeliveryFailedException(base + " started a transfer without a usable envelopeReference");
            }
            List<String> missing = strings(started.path("missingAdditionalDocumentChecksums"));
            for (int round = 1; ; round++) {
                sendDocuments(ref, missing);
                JsonNode verdict = verdict(call("PUT", base + "/envelopes/" + ref + "/finish-transfer", null));
                if (!"MDOC".equals(verdict.path("responseCode").asText()) || round == MAX_DOCUMENT_ROUNDS) {
                    conclude(verdict);
                    return;
                }
                missing = strings(verdict.path("missingAdditionalDocumentChecksums"));
            }
        }
        conclude(verdict(start));
    }

    private String outbound(OutboundDocument doc) {
        JsonNode received;
        try {
            received = SecureJson.parse(doc.body());
        } catch (DocumentRejectedException e) {
            throw new DeliveryRejectedException("the archived envelope is unreadable: " + e.getMessage());
        }
        JsonNode td = received.get("transportDocument");
        String tdChecksum = PintChecksums.ofJson(td);
        List<String> chain = strings(received.path("envelopeTransferChain"));
        String last = chain.get(chain.size() - 1);
        JsonNode lastPayload = SecureJson.parse(com.nimbusds.jose.util.Base64URL.from(last.split("\\.")[1]).decode());
        JsonNode transactions = lastPayload.path("transactions");
        JsonNode holder = transactions.get(transactions.size() - 1).path("recipient");
        JsonNode manifest = SecureJson.parse(com.nimbusds.jose.util.Base64URL.from(
                received.path("envelopeManifestSignedContent").asText().split("\\.")[1]).decode());
        List<DeclaredDocument> documents = documentsOf(manifest);
        try {
            return outbound(doc.documentId(), td, tdChecksum, chain, last, holder, documents);
        } catch (IllegalStateException e) {
            throw new DeliveryRejectedException(e.getMessage());
        }
    }

    private String outbound(String documentId, JsonNode td, String tdChecksum, List<String> chain, String last,
            JsonNode holder, List<DeclaredDocument> documents) {
        return store.outboundEnvelope(documentId, tdChecksum, chain.size(), () -> {
            String at = DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
            String entry = EnvelopeWriter.chainEntry(signer, platform, tdChecksum, last, null,
                    List.of(EnvelopeWriter.transaction("TRANSFER", holder, forwardRecipient, at)));
            String signedManifest = EnvelopeWriter.manifest(signer, tdChecksum, entry, documents);
            List<String> longer = new ArrayList<>(chain);
            longer.add(entry);
            String envelope = new String(EnvelopeWriter.envelope(td, signedManifest, longer), StandardCharsets.UTF_8);
            String payload = entry.substring(entry.indexOf('.') + 1, entry.lastIndexOf('.'));
            return new PintChainStore.OutboundEnvelope(envelope, entry,
                    PintChecksums.ofBytes(com.nimbusds.jose.util.Base64URL.from(payload).decode()));
        });
    }

    private static List<DeclaredDocument> documentsOf(JsonNode manifest) {
        List<DeclaredDocument> documents = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        if (manifest.has("eBLVisualisationByCarrier")) {
            nodes.add(manifest.get("eBLVisualisationByCarrier"));
        }
        manifest.path("supportingDocuments").forEach(nodes::add);
        for (JsonNode d : nodes) {
            documents.add(new DeclaredDocument(d.path("documentChecksum").asText(), d.path("size").asLong(),
                    d.path("name").asText(null), d.path("mediaType").asText(null)));
        }
        return documents;
    }

    private void sendDocuments(String ref, List<String> checksums) {
        for (String checksum : checksums) {
            byte[] content = store.document(checksum).orElseThrow(() -> new DeliveryRejectedException(
                    "the receiver asks for additional document " + checksum + ", which is not held here"));
            String body = "\"" + Base64.getEncoder().encodeToString(content) + "\"";
            Answer a = call("PUT", base + "/envelopes/" + ref + "/additional-documents/" + checksum, body);
            if (a.status() == 204) {
                continue;
            }
            JsonNode verdict = verdict(a);
            String code = verdict.path("responseCode").asText();
            if (!"INCD".equals(code)) {
                conclude(verdict);
            }
            // INCD: the receiver did not take this copy; the finish below reports it missing and it is sent again
        }
    }

    /** Returns for RECE/DUPE; throws for everything else. */
    private void conclude(JsonNode verdict) {
        String code = verdict.path("responseCode").asText();
        String reason = verdict.path("reason").asText("");
        switch (code) {
            case "RECE", "DUPE" -> {
                return;
            }
            case "BSIG", "BENV", "DISE" -> throw new DeliveryRejectedException("PINT " + code
                    + (reason.isEmpty() ? "" : ": " + reason));
            default -> throw new DeliveryFailedException("PINT " + code + (reason.isEmpty() ? "" : ": " + reason)
                    + "; will try again");
        }
    }

    /** The verified payload of a signed answer; an unsigned or unverifiable answer is retried, never acted on. */
    private JsonNode verdict(Answer a) {
        String jws;
        try {
            JsonNode body = SecureJson.parse(a.body().getBytes(StandardCharsets.UTF_8));
            jws = body.isTextual() ? body.asText() : null;
        } catch (DocumentRejectedException e) {
            jws = null;
        }
        if (jws == null) {
            throw new DeliveryFailedException(base + " answered " + a.status() + " without a signed verdict"
                    + excerpt(a.body()));
        }
        try {
            return PintJws.verify(jws, receiverKeys, "the receiver's answer").payload();
        } catch (PintRejection r) {
            throw new DeliveryFailedException(base + " answered " + a.status() + " with a verdict that does not"
                    + " verify: " + r.reason());
        }
    }

    private JsonNode json(Answer a) {
        try {
            return SecureJson.parse(a.body().getBytes(StandardCharsets.UTF_8));
        } catch (DocumentRejectedException e) {
            throw new DeliveryFailedException(base + " answered " + a.status() + " with a body that is not JSON");
        }
    }

    private Answer call(String method, String url, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json").header("API-Version", "3")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body() == null ? "" : response.body());
        } catch (IOException e) {
            throw new DeliveryFailedException(url + " unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted while sending to " + url);
        }
    }

    private static String excerpt(String body) {
        String b = body == null ? "" : body.strip();
        return b.isEmpty() ? "" : ": " + b.substring(0, Math.min(MAX_ERROR_TEXT, b.length()));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private record Answer(int status, String body) {
    }
}
