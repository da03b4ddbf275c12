package io.silkgate.schemas.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.SecureXml;
import org.w3c.dom.Document;

/**
 * Any bytes given to the hardened XML parser give a document or a MALFORMED rejection — never another exception,
 * a hang, or (under the fuzzer's sanitizers) a file read or a network connection. Seeds:
 * {@code SecureXmlFuzzTestInputs/} beside this class in the test resources.
 */
class SecureXmlFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void anyBytesParseOrAreMalformed(byte[] xml) {
        try {
            Document document = SecureXml.parse(xml);
            assertNotNull(document.getDocumentElement(), "a parsed document has a root element");
        } catch (DocumentRejectedException e) {
            assertEquals(ErrorCode.MALFORMED, e.code(), e.getMessage());
        }
    }
}
