package io.silkgate.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.util.Base64URL;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.FormatDetector;
import io.silkgate.schemas.SecureJson;
import io.silkgate.verify.JwsSignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A JSON document as submitted: either the JSON itself (its JWS travels beside it) or an attached JWS whose payload
 * is the JSON ({@code application/jose}). The signed bytes are always the payload exactly as sent.
 */
public final class SignedJson {

    private SignedJson() {
    }

    /** True for {@code application/jose} and {@code application/jose+json}: the body is the JWS itself. */
    public static boolean isJose(String mediaType) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        return type.equals("application/jose") || type.equals("application/jose+json");
    }

    /** True for a JSON submission (plain JSON or a JWS). */
    public static boolean isJson(String mediaType) {
        return isJose(mediaType) || (mediaType != null && mediaType.toLowerCase(Locale.ROOT).contains("json"));
    }

    /**
     * The payload of a stored original: a JSON original is its own payload, a JWS original (anything not starting
     * with '{') gives its payload part — decoded, never re-serialised.
     */
    public static byte[] payloadOf(byte[] original) {
        if (FormatDetector.looksLikeJson(original)) {
            return original;
        }
        byte[] payload = JwsSignatureVerifier.unverifiedPayload(new String(original, StandardCharsets.US_ASCII));
        if (payload == null) {
            throw new DocumentRejectedException(ErrorCode.MALFORMED, "not an attached compact JWS");
        }
        return payload;
    }

    /**
     * The payload of a submitted JWS body, only to learn its format before verification: the compact serialisation's
     * payload part, or the {@code payload} member of a JSON serialisation (which verification then refuses).
     */
    static byte[] submittedPayload(byte[] body) {
        if (FormatDetector.looksLikeJson(body)) {
            JsonNode json = SecureJson.parse(body);
            if (!json.path("payload").isTextual() || json.path("payload").asText().isEmpty()) {
                throw new DocumentRejectedException(ErrorCode.MALFORMED, "the application/jose body is a JSON object"
                        + " without a payload; send a compact JWS whose payload is the document");
            }
            return new Base64URL(json.path("payload").asText()).decode();
        }
        byte[] payload = JwsSignatureVerifier.unverifiedPayload(new String(body, StandardCharsets.US_ASCII));
        if (payload == null) {
            throw new DocumentRejectedException(ErrorCode.MALFORMED, "the application/jose body is not an attached"
                    + " compact JWS (header.payload.signature, base64url); a detached JWS goes in the multipart part"
                    + " 'signature' beside the JSON document");
        }
        return payload;
    }
}
