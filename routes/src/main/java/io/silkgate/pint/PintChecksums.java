package io.silkgate.pint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.schemas.SecureJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The SHA-256 checksums of DCSA PINT 3.0, lower-case hex: JSON objects (transport document, issueTo) over their
 * RFC 8785 canonical form, chain entries over the whole compact JWS string, additional documents over their bytes.
 */
public final class PintChecksums {

    private PintChecksums() {
    }

    /** SHA-256 of raw bytes (an additional document, decoded). */
    public static String ofBytes(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** SHA-256 of a compact JWS as sent: its ASCII characters, so a re-signed entry has a new checksum. */
    public static String ofJws(String compactJws) {
        return ofBytes(compactJws.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * SHA-256 of the RFC 8785 canonical form of a JSON value. The DCSA conformance kit canonicalises with RFC 8785;
     * the spec text still links another canonical-JSON draft, which differs on numbers and escapes.
     */
    public static String ofJson(JsonNode value) {
        return ofBytes(canonical(value));
    }

    /** The RFC 8785 canonical UTF-8 bytes of a JSON value. */
    public static byte[] canonical(JsonNode value) {
        try {
            String text = SecureJson.mapper().writeValueAsString(value);
            return new JsonCanonicalizer(text).getEncodedUTF8();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            // numbers outside the IEEE 754 double range have no RFC 8785 form
            throw new IllegalArgumentException("JSON value has no RFC 8785 canonical form: " + e.getMessage(), e);
        }
    }
}
