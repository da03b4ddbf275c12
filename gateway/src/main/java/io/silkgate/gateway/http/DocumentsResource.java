package io.silkgate.gateway.http;

import io.silkgate.gateway.jmx.IntakeStatistics;
import io.silkgate.ledger.DeliveryRecord;
import io.silkgate.ledger.DocumentHistory;
import io.silkgate.ledger.DocumentRecord;
import io.silkgate.ledger.Evidence;
import io.silkgate.ledger.Ledger;
import io.silkgate.ledger.LedgerEvent;
import io.silkgate.routes.DocumentArchive;
import io.silkgate.routes.IntakeOutcome;
import io.silkgate.routes.Sha256;
import io.silkgate.routes.Submission;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.FormatDetector;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The document API of CONTRACT.md §4: submit, status, original, evidence, health. */
@Path("/api/v1")
public class DocumentsResource {

    private static final String JSON = MediaType.APPLICATION_JSON;
    private static final String MULTIPART = "multipart/form-data";
    /** A detached CMS signature with its certificates is a few kilobytes; this leaves room for long chains. */
    private static final int MAX_SIGNATURE_BYTES = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(DocumentsResource.class);
    private static final java.util.regex.Pattern DOCUMENT_ID =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Function<Submission, IntakeOutcome> intake;
    private final Ledger ledger;
    private final DocumentArchive archive;
    private final long maxDocumentBytes;
    private final Supplier<Map<String, Object>> health;
    private final IntakeStatistics statistics;

    /** Who submits is told by the {@link SubmitterGate} in front of every resource. */
    public DocumentsResource(Function<Submission, IntakeOutcome> intake, Ledger ledger, DocumentArchive archive,
            long maxDocumentBytes, Supplier<Map<String, Object>> health, IntakeStatistics statistics) {
        this.intake = intake;
        this.ledger = ledger;
        this.archive = archive;
        this.maxDocumentBytes = maxDocumentBytes;
        this.health = health;
        this.statistics = statistics;
    }

    @POST
    @Path("documents")
    @Consumes(MediaType.WILDCARD)
    public Response submit(InputStream body, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") String contentLength,
            @HeaderParam("Silkgate-Destination") String destination,
            @HeaderParam("Silkgate-Document-Id") String idempotencyKey) throws IOException {
        Optional<String> submitter = SubmitterGate.current();
        if (submitter.isEmpty()) {
            statistics.rejectedAtTheDoor(ErrorCode.UNAUTHENTICATED.name());
            return Response.fromResponse(Problems.of(ErrorCode.UNAUTHENTICATED,
                    "present a submitter API key as 'Authorization: Bearer <key>'"))
                    .header("WWW-Authenticate", "Bearer realm=\"silkgate\"").build();
        }
        String mediaType = DocumentMediaTypes.baseType(contentType);
        byte[] detachedSignature = null;
        byte[] bytes;
        if (mediaType.equals(MULTIPART)) {
            if (contentLength != null && parseLength(contentLength) > maxDocumentBytes + MAX_SIGNATURE_BYTES) {
                return tooLarge();
            }
            byte[] form = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8,
                    maxDocumentBytes + MAX_SIGNATURE_BYTES + 1));
            if (form.length > maxDocumentBytes + MAX_SIGNATURE_BYTES) {
                return tooLarge();
            }
            String boundary = MultipartForm.boundary(contentType);
            if (boundary == null) {
                return doorRejection(ErrorCode.MALFORMED, "multipart/form-data needs a boundary parameter");
            }
            Map<String, MultipartForm.Part> parts;
            try {
                parts = MultipartForm.parse(form, boundary);
            } catch (MultipartForm.MalformedException e) {
                return doorRejection(ErrorCode.MALFORMED, e.getMessage());
            }
            MultipartForm.Part document = parts.get("document");
            MultipartForm.Part signature = parts.get("signature");
            if (document == null || signature == null || parts.size() != 2) {
                return doorRejection(ErrorCode.MALFORMED, "multipart/form-data must have exactly the parts 'document'"
                        + " and 'signature' (a detached CMS signature, or a detached JWS for JSON); found "
                        + parts.keySet());
            }
            // a part without a type is XML, or JSON when it reads as a JSON object
            mediaType = document.contentType() != null ? DocumentMediaTypes.baseType(document.contentType())
                    : FormatDetector.looksLikeJson(document.content()) ? "application/json" : "application/xml";
            if (!DocumentMediaTypes.isDocument(mediaType) || mediaType.startsWith("application/jose")) {
                return doorRejection(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "the 'document' part's content type '"
                        + document.contentType() + "' is not accepted; send application/xml or application/json");
            }
            if (document.content().length > maxDocumentBytes) {
                return tooLarge();
            }
            if (signature.content().length == 0 || signature.content().length > MAX_SIGNATURE_BYTES) {
                return doorRejection(ErrorCode.MALFORMED, "the 'signature' part must hold a DER CMS signature or a detached JWS of 1 to "
                        + MAX_SIGNATURE_BYTES + " bytes");
            }
            bytes = document.content();
            detachedSignature = signature.content();
        } else if (!DocumentMediaTypes.isDocument(mediaType)) {
            return doorRejection(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "content type '" + contentType
                    + "' is not accepted; send application/xml, application/json, application/jose or"
                    + " multipart/form-data");
        } else {
            if (contentLength != null && parseLength(contentLength) > maxDocumentBytes) {
                return tooLarge();
            }
            bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxDocumentBytes + 1));
            if (bytes.length > maxDocumentBytes) {
                return tooLarge();
            }
        }
        if (bytes.length == 0) {
            return doorRejection(ErrorCode.MALFORMED, "the request body is empty");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            return doorRejection(ErrorCode.MALFORMED, "Silkgate-Document-Id must be 1 to 200 characters");
        }
        IntakeOutcome outcome;
        try {
            outcome = intake.apply(new Submission(bytes, mediaType, submitter.get(), idempotencyKey,
                    destinations(destination), detachedSignature));
        } catch (RuntimeException e) {
            LOG.error("intake failed on an internal error; the document was not accepted", e);
            return internalError();
        }
        if (!outcome.accepted()) {
            return Problems.of(outcome.code(), outcome.detail(), outcome.errors(), outcome.id());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", outcome.id());
        answer.put("status", "ACCEPTED");
        answer.put("format", outcome.format());
        answer.put("sha256", outcome.sha256());
        answer.put("destinations", outcome.destinations());
        if (outcome.duplicate()) {
            answer.put("status", ledger.findDocument(outcome.id()).map(d -> d.status().name()).orElse("ACCEPTED"));
            answer.put("duplicate", true);
            return Response.ok(Json.write(answer), JSON).location(location(outcome.id())).build();
        }
        return Response.accepted(Json.write(answer)).type(JSON).location(location(outcome.id())).build();
    }

    @GET
    @Path("documents/{id}")
    public Response status(@PathParam("id") String id) {
        Optional<DocumentHistory> history = isDocumentId(id) ? ledger.history(id) : Optional.empty();
        if (history.isEmpty() || !readableByCaller(history.get().document())) {
            return notFound(id);
        }
        DocumentHistory h = history.get();
        return Response.ok(Json.write(DocumentView.of(h.document(), h.events(), h.deliveries())), JSON).build();
    }

    @GET
    @Path("documents/{id}/original")
    public Response original(@PathParam("id") String id) {
        Optional<byte[]> bytes = (isDocumentId(id) ? ledger.findDocument(id) : Optional.<DocumentRecord>empty())
                .filter(DocumentsResource::readableByCaller).flatMap(d -> archive.read(d.id()));
        if (bytes.isEmpty()) {
            return notFound(id);
        }
        return Response.ok(bytes.get(), "application/xml").build();
    }

    /**
     * The signature evidence of a document: the verification report, the signers' certificate paths as PEM and the
     * SHA-256 of the original, recomputed from the archive when it is still there.
     */
    @GET
    @Path("documents/{id}/evidence")
    public Response evidence(@PathParam("id") String id) throws IOException {
        Optional<DocumentRecord> document = (isDocumentId(id) ? ledger.findDocument(id) : Optional.<DocumentRecord>empty())
                .filter(DocumentsResource::readableByCaller);
        if (document.isEmpty()) {
            return notFound(id);
        }
        Optional<Evidence> evidence = ledger.findEvidence(id);
        if (evidence.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("title", "No signature evidence");
            body.put("status", 404);
            body.put("detail", "document " + id + " was rejected before its signatures were verified");
            return Response.status(404).type(Problems.MEDIA_TYPE).entity(Json.write(body)).build();
        }
        DocumentRecord d = document.get();
        Evidence e = evidence.get();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", d.id());
        answer.put("status", d.status().name());
        answer.put("format", d.format());
        answer.put("sha256", d.sha256());
        archive.read(d.id()).ifPresent(bytes -> answer.put("originalIntact", Sha256.hex(bytes).equals(d.sha256())));
        answer.put("recordedAt", e.recordedAt().toString());
        answer.put("report", Json.mapper().readTree(e.report()));
        answer.put("certificatePath", e.certificatePath());
        return Response.ok(Json.write(answer), JSON).build();
    }

    /** Liveness: the process answers HTTP. */
    @GET
    @Path("health/live")
    public Response live() {
        return Response.ok(Json.write(Map.of("status", "UP")), JSON).build();
    }

    /** Readiness: broker, ledger, routes and trust are all there (the same as {@code /health}). */
    @GET
    @Path("health/ready")
    public Response ready() {
        return health();
    }

    @GET
    @Path("health")
    public Response health() {
        Map<String, Object> h = health.get();
        int status = "UP".equals(h.get("status")) ? 200 : 503;
        return Response.status(status).type(JSON).entity(Json.write(h)).build();
    }

    private static Response internalError() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "Internal error");
        body.put("status", 500);
        body.put("detail", "the gateway failed internally; the document was not accepted, submit it again later");
        return Response.status(500).type(Problems.MEDIA_TYPE).entity(Json.write(body)).build();
    }

    private Response tooLarge() {
        return doorRejection(ErrorCode.PAYLOAD_TOO_LARGE, "documents are limited to " + maxDocumentBytes + " bytes");
    }

    private Response doorRejection(ErrorCode code, String detail) {
        statistics.rejectedAtTheDoor(code.name());
        return Problems.of(code, detail);
    }

    /** Ids are the gateway's own UUIDs: anything else (path tricks included) is unknown without a look-up. */
    static boolean isDocumentId(String id) {
        return id != null && DOCUMENT_ID.matcher(id).matches();
    }

    /**
     * A submitter sees only what it submitted; another submitter's document is answered like an unknown one, so
     * that ids cannot be probed. Without configured submitters (local use) everyone is {@code anonymous} and sees
     * everything, including the eBLs that came in over PINT.
     */
    private static boolean readableByCaller(DocumentRecord d) {
        return SubmitterGate.current()
                .map(s -> s.equals(d.submitter()) || s.equals(SubmitterAuthenticator.ANONYMOUS)).orElse(false);
    }

    private static Response notFound(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "No such document");
        body.put("status", 404);
        // an id of another shape is not echoed: it may be crafted to look like something else in a log or page
        body.put("detail", isDocumentId(id) ? "no document with id " + id : "no such document");
        return Response.status(404).type(Problems.MEDIA_TYPE).entity(Json.write(body)).build();
    }

    private static URI location(String id) {
        return URI.create("/api/v1/documents/" + id);
    }

    private static List<String> destinations(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        return Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }


    /** The JSON shape of GET /api/v1/documents/{id}. */
    static final class DocumentView {

        private DocumentView() {
        }

        static Map<String, Object> of(DocumentRecord d, List<LedgerEvent> events, List<DeliveryRecord> deliveries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("status", d.status().name());
            m.put("format", d.format());
            m.put("sha256", d.sha256());
            m.put("receivedAt", d.receivedAt().toString());
            if (d.businessId() != null) {
                m.put("businessId", d.businessId());
            }
            if (d.rejectionCode() != null) {
                m.put("code", d.rejectionCode());
            }
            m.put("events", events.stream().map(e -> {
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("at", e.at().toString());
                ev.put("status", e.status());
                ev.put("detail", e.partner() == null ? e.detail() : e.partner() + ": " + e.detail());
                return ev;
            }).toList());
            m.put("deliveries", deliveries.stream().map(x -> {
                Map<String, Object> dv = new LinkedHashMap<>();
                dv.put("partner", x.partner());
                dv.put("format", x.format());
                dv.put("status", x.status().name());
                dv.put("attempts", x.attempts());
                dv.put("lastError", x.lastError());
                return dv;
            }).toList());
            return m;
        }
    }
}
