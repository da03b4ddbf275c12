package io.silkgate.schemas;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * The one hardened JSON parser of Silkgate: duplicate keys, trailing tokens, deep nesting, huge numbers, huge
 * strings and NUL characters are all rejected as MALFORMED before any format code sees the document.
 */
public final class SecureJson {

    /** Deep enough for every DCSA and FIATA document (they nest below 15), shallow enough to bound the stack. */
    public static final int MAX_DEPTH = 64;
    /** Longer numbers are an attack on BigDecimal/BigInteger parsing, not a business value. */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** Large enough for a base64 additional document of a few megabytes inside a JSON string. */
    public static final int MAX_STRING_LENGTH = 64 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder(new com.fasterxml.jackson.core.JsonFactory()
                    .setStreamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .build()))
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private SecureJson() {
    }

    /** Parses submitted bytes into a tree; anything that is not one well-formed JSON value is MALFORMED. */
    public static JsonNode parse(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new DocumentRejectedException(ErrorCode.MALFORMED, "empty JSON document");
            }
            rejectNul(node);
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new DocumentRejectedException(ErrorCode.MALFORMED, "not well-formed JSON" + where + ": "
                    + readable(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new DocumentRejectedException(ErrorCode.MALFORMED, "unreadable JSON: " + readable(e.getMessage()));
        }
    }

    /**
     * No business value holds U+0000, and databases refuse it (PostgreSQL text cannot store it): an escaped NUL
     * in a key or a string is refused here, as a NUL is in XML, instead of failing deep in the pipeline.
     */
    private static void rejectNul(JsonNode root) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
                throw new DocumentRejectedException(ErrorCode.MALFORMED, "a JSON string contains U+0000 (NUL)");
            }
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (field.getKey().indexOf('\0') >= 0) {
                        throw new DocumentRejectedException(ErrorCode.MALFORMED, "a JSON key contains U+0000 (NUL)");
                    }
                    pending.push(field.getValue());
                }
            } else if (node.isArray()) {
                node.forEach(pending::push);
            }
        }
    }

    /** A mapper with the same limits, for binding trees to records. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String readable(String message) {
        if (message == null) {
            return "unreadable input";
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
