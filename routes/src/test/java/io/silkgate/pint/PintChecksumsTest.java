package io.silkgate.pint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.silkgate.schemas.SecureJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PintChecksumsTest {

    @Test
    void jsonIsHashedInItsRfc8785Form() {
        // keys sorted, no whitespace, 1.50 written as 1.5, 1E2 as 100, non-ASCII as UTF-8 (not escaped)
        String expected = PintChecksums.ofBytes("{\"a\":\"€\",\"b\":1.5,\"c\":[100,true,null]}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("277998a9556e6b3140a2b0d5d6ca41a9b56083627d7d3d6dc295cf12dfe4b246", expected);
        assertEquals(expected, PintChecksums.ofJson(SecureJson.parse(
                "{ \"c\": [1E2, true, null],\n \"b\": 1.50, \"a\": \"\\u20ac\" }".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void chainEntriesAreHashedAsTheWholeCompactString() {
        String jws = "eyJhbGciOiJFUzI1NiJ9.eyJhIjoxfQ.c2ln";
        assertEquals(PintChecksums.ofBytes(jws.getBytes(StandardCharsets.US_ASCII)), PintChecksums.ofJws(jws));
        assertNotEquals(PintChecksums.ofJws(jws), PintChecksums.ofJws(jws.replace("c2ln", "c2lo")));
    }
}
