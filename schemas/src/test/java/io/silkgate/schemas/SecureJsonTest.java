package io.silkgate.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecureJsonTest {

    private static DocumentRejectedException rejected(String json) {
        return assertThrows(DocumentRejectedException.class,
                () -> SecureJson.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsAWellFormedDocument() {
        assertEquals("BL-1", SecureJson.parse("{\"ref\":\"BL-1\",\"n\":1.50}".getBytes(StandardCharsets.UTF_8))
                .get("ref").asText());
    }

    @Test
    void rejectsDuplicateKeys() {
        DocumentRejectedException e = rejected("{\"isToOrder\":false,\"isToOrder\":true}");
        assertEquals(ErrorCode.MALFORMED, e.code());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("isToOrder"), e.getMessage());
    }

    @Test
    void rejectsDeepNesting() {
        assertEquals(ErrorCode.MALFORMED, rejected("[".repeat(SecureJson.MAX_DEPTH + 1)
                + "]".repeat(SecureJson.MAX_DEPTH + 1)).code());
    }

    @Test
    void rejectsAnEscapedNulInAStringOrAKeyAtAnyDepth() {
        assertEquals(ErrorCode.MALFORMED, rejected("{\"ref\":\"BL\\u00001\"}").code());
        assertEquals(ErrorCode.MALFORMED, rejected("{\"a\":[{\"b\\u0000\":1}]}").code());
        assertEquals(ErrorCode.MALFORMED, rejected("[[[\"\\u0000\"]]]").code());
    }

    @Test
    void rejectsHugeNumbers() {
        assertEquals(ErrorCode.MALFORMED, rejected("{\"n\":1" + "0".repeat(5000) + "}").code());
    }

    @Test
    void rejectsTrailingTokensAndEmptyInput() {
        assertEquals(ErrorCode.MALFORMED, rejected("{} {}").code());
        assertEquals(ErrorCode.MALFORMED, rejected("").code());
        assertEquals(ErrorCode.MALFORMED, rejected("{\"a\":NaN}").code());
    }
}
