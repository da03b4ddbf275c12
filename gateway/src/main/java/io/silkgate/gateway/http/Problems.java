package io.silkgate.gateway.http;

import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details, the shape of every rejection the HTTP API answers. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://silkgate.io/problems/";

    private Problems() {
    }

    public static Response of(ErrorCode code, String detail) {
        return of(code, detail, List.of(Problem.of(code, detail)), null);
    }

    public static Response of(ErrorCode code, String detail, List<Problem> errors, String documentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        body.put("title", title(code));
        body.put("status", code.httpStatus());
        body.put("detail", detail);
        body.put("code", code.name());
        body.put("errors", errors.stream().map(Problem::asMap).toList());
        if (documentId != null) {
            body.put("id", documentId);
        }
        return Response.status(code.httpStatus()).type(MEDIA_TYPE).entity(Json.write(body)).build();
    }


    private static String title(ErrorCode code) {
        return switch (code) {
            case MALFORMED -> "The request body is not a well-formed document";
            case PAYLOAD_TOO_LARGE -> "The document is larger than this gateway accepts";
            case UNSUPPORTED_MEDIA_TYPE -> "The content type is not accepted";
            case SIGNATURE_MISSING -> "The document carries no signature";
            case SIGNATURE_INVALID -> "The document signature is not valid";
            case CERTIFICATE_UNTRUSTED -> "The signing certificate is not trusted";
            case CERTIFICATE_REVOKED -> "The signing certificate is revoked";
            case CERTIFICATE_EXPIRED -> "The signing certificate is expired or not yet valid";
            case SIGNER_NOT_AUTHORIZED -> "The signer may not issue for this party";
            case SCHEMA_INVALID -> "The document does not match its schema";
            case RULES_INVALID -> "The document breaks business rules";
            case UNKNOWN_FORMAT -> "The document format is not accepted";
            case NO_ROUTE -> "No destination can receive this document";
            case UNAUTHENTICATED -> "Authentication required";
            case FORBIDDEN -> "Not allowed for this submitter";
            case TOO_MANY_REQUESTS -> "Too many requests";
        };
    }
}
