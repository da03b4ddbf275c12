package io.silkgate.gateway.http;

import io.silkgate.pint.PintAnswer;
import io.silkgate.pint.PintReceiver;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DCSA PINT 3.0 receiver API under {@code /pint/v3} (CONTRACT.md §4): signed verdicts as a JSON string of a
 * compact JWS, the unsigned 201 start answer, and DCSA {@code ErrorResponse} bodies for what has no verdict
 * (unknown envelope reference, too large, internal errors — which the sender must retry).
 */
@Path("/pint/v3")
public class PintResource {

    private static final Logger LOG = LoggerFactory.getLogger(PintResource.class);
    private static final String API_VERSION = "3.0.0";

    private final PintReceiver receiver;
    private final long maxEnvelopeBytes;
    private final long maxUploadBytes;

    /** @param maxDocumentBytes the largest envelope, and the largest additional document once decoded */
    public PintResource(PintReceiver receiver, long maxDocumentBytes) {
        this.receiver = receiver;
        this.maxEnvelopeBytes = maxDocumentBytes;
        // a document travels as a JSON string of base64: 4 characters per 3 bytes, plus the quotes
        this.maxUploadBytes = maxDocumentBytes / 3 * 4 + 16;
    }

    @POST
    @Path("envelopes")
    @Consumes(MediaType.WILDCARD)
    public Response start(InputStream body, @HeaderParam("Content-Length") String length) throws IOException {
        return handle("POST", "/pint/v3/envelopes", body, maxEnvelopeBytes, receiver::start);
    }

    @PUT
    @Path("envelopes/{ref}/additional-documents/{checksum}")
    @Consumes(MediaType.WILDCARD)
    public Response document(@PathParam("ref") String ref, @PathParam("checksum") String checksum, InputStream body)
            throws IOException {
        return handle("PUT", "/pint/v3/envelopes/" + ref + "/additional-documents/" + checksum, body, maxUploadBytes,
                bytes -> receiver.additionalDocument(ref, checksum, bytes));
    }

    @PUT
    @Path("envelopes/{ref}/finish-transfer")
    @Consumes(MediaType.WILDCARD)
    public Response finish(@PathParam("ref") String ref) {
        return answer("PUT", "/pint/v3/envelopes/" + ref + "/finish-transfer", () -> receiver.finish(ref));
    }

    private Response handle(String method, String uri, InputStream body, long limit,
            java.util.function.Function<byte[], PintAnswer> call) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            return error(method, uri, 413, "the request body is larger than " + limit + " bytes");
        }
        return answer(method, uri, () -> call.apply(bytes));
    }

    private Response answer(String method, String uri, Supplier<PintAnswer> call) {
        PintAnswer a;
        try {
            a = call.get();
        } catch (RuntimeException e) {
            LOG.error("PINT {} {} failed on an internal error; nothing was decided", method, uri, e);
            return error(method, uri, 500, "internal error; retry the request");
        }
        if (a.body() == null && a.status() != 204) {
            return error(method, uri, a.status(), a.reason());
        }
        Response.ResponseBuilder r = Response.status(a.status()).header("API-Version", API_VERSION);
        return a.body() == null ? r.build() : r.entity(a.body()).type(MediaType.APPLICATION_JSON).build();
    }

    private static Response error(String method, String uri, int status, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("httpMethod", method);
        e.put("requestUri", uri);
        e.put("statusCode", status);
        e.put("statusCodeText", Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase());
        e.put("errorDateTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        e.put("errors", List.of(Map.of("errorCodeText", "request refused", "errorCodeMessage",
                message == null ? "" : message)));
        return Response.status(status).header("API-Version", API_VERSION).entity(Json.write(e))
                .type(MediaType.APPLICATION_JSON).build();
    }
}
