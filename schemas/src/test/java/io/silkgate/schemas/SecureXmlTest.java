package io.silkgate.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecureXmlTest {

    @Test
    void parsesNamespacedXml() {
        var doc = SecureXml.parse("<a:x xmlns:a=\"urn:a\"><a:y>1</a:y></a:x>".getBytes(StandardCharsets.UTF_8));
        assertEquals("urn:a", doc.getDocumentElement().getNamespaceURI());
        assertEquals("x", doc.getDocumentElement().getLocalName());
    }

    @Test
    void rejectsExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        var e = assertThrows(DocumentRejectedException.class, () -> SecureXml.parse(bytes(xxe)));
        assertEquals(ErrorCode.MALFORMED, e.code());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void rejectsEntityExpansionBombs() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                + "<x>&b;&b;&b;</x>";
        assertEquals(ErrorCode.MALFORMED,
                assertThrows(DocumentRejectedException.class, () -> SecureXml.parse(bytes(bomb))).code());
    }

    @Test
    void reportsWhereTheXmlBreaks() {
        var e = assertThrows(DocumentRejectedException.class, () -> SecureXml.parse(bytes("<x>\n<y></x>")));
        assertEquals(ErrorCode.MALFORMED, e.code());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void rejectsNonXml() {
        assertEquals(ErrorCode.MALFORMED,
                assertThrows(DocumentRejectedException.class, () -> SecureXml.parse(bytes("{\"a\":1}"))).code());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
