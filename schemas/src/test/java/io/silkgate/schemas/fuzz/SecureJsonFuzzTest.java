package io.silkgate.schemas.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.SecureJson;

/**
 * Any bytes given to the hardened JSON parser give one JSON value or a MALFORMED rejection — never another
 * exception or a hang (deep nesting, huge numbers and duplicate keys included). Seeds:
 * {@code SecureJsonFuzzTestInputs/} beside this class in the test resources.
 */
class SecureJsonFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void anyBytesParseOrAreMalformed(byte[] json) {
        try {
            assertNotNull(SecureJson.parse(json));
        } catch (DocumentRejectedException e) {
            assertEquals(ErrorCode.MALFORMED, e.code(), e.getMessage());
        }
    }
}
