package io.silkgate.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The hostile documents of the research checklist: each one is MALFORMED, and none reaches out anywhere. */
class SecureXmlHostileInputTest {

    @Test
    void parameterEntitiesAndRemoteDtdsOpenNoConnection() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            trap.setSoTimeout(300);
            String url = "http://127.0.0.1:" + trap.getLocalPort() + "/evil.dtd";
            for (String doc : new String[] {
                    "<!DOCTYPE r [<!ENTITY % d SYSTEM \"" + url + "\"> %d;]><r/>",
                    "<!DOCTYPE r SYSTEM \"" + url + "\"><r/>",
                    "<!DOCTYPE r PUBLIC \"-//X//Y\" \"" + url + "\"><r/>"}) {
                assertMalformed(doc.getBytes(StandardCharsets.UTF_8));
            }
            assertThrows(SocketTimeoutException.class, trap::accept, "the parser must not fetch anything");
        }
    }

    @Test
    void schemaLocationsAndXIncludeAreInertText() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            trap.setSoTimeout(300);
            String doc = "<r xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                    + " xmlns:xi=\"http://www.w3.org/2001/XInclude\""
                    + " xsi:schemaLocation=\"urn:x http://127.0.0.1:" + trap.getLocalPort() + "/x.xsd\">"
                    + "<xi:include href=\"file:///etc/hostname\" parse=\"text\"/></r>";
            var parsed = SecureXml.parse(doc.getBytes(StandardCharsets.UTF_8));
            assertEquals("include", parsed.getDocumentElement().getFirstChild().getLocalName(),
                    "the include element stays an element; nothing is included");
            assertThrows(SocketTimeoutException.class, trap::accept);
        }
    }

    @Test
    void quadraticBlowUpIsRefusedAtTheDoctype() {
        String entity = "x".repeat(100_000);
        String doc = "<!DOCTYPE r [<!ENTITY a \"" + entity + "\">]><r>" + "&a;".repeat(100_000) + "</r>";
        assertMalformed(doc.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStack() {
        String doc = "<a>".repeat(30_000) + "</a>".repeat(30_000);
        var e = assertMalformed(doc.getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("depth") || e.getMessage().contains("maxElementDepth"), e.getMessage());
        // thirty thousand unclosed tags as well
        assertMalformed(("<a>".repeat(30_000)).getBytes(StandardCharsets.UTF_8));
        // a realistic depth still parses
        SecureXml.parse(("<a>".repeat(60) + "</a>".repeat(60)).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tenThousandAttributesOnOneElementAreRefused() {
        StringBuilder doc = new StringBuilder("<r");
        for (int i = 0; i < 10_000; i++) {
            doc.append(" a").append(i).append("=\"1\"");
        }
        assertMalformed(doc.append("/>").toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aHugeAttributeIsRefusedButALargeTextNodeIsADocument() {
        var e = assertMalformed(("<r id=\"" + "x".repeat(SecureXml.MAX_ATTRIBUTE_CHARS + 1) + "\"/>")
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
        // a base64 attachment of a few megabytes in one element is legitimate; the intake's size limit bounds it
        var doc = SecureXml.parse(("<r><b>" + "QUJD".repeat(1_000_000) + "</b></r>").getBytes(StandardCharsets.UTF_8));
        assertEquals(4_000_000, doc.getDocumentElement().getTextContent().length());
    }

    @Test
    void encodingTricksAreMalformed() {
        // overlong UTF-8 for '<' and an unpaired continuation byte
        assertMalformed(new byte[] {'<', 'r', '>', (byte) 0xC0, (byte) 0xBC, '<', '/', 'r', '>'});
        assertMalformed(new byte[] {'<', 'r', '>', (byte) 0x80, '<', '/', 'r', '>'});
        // NUL and XML 1.1-only control characters in an XML 1.0 document
        assertMalformed("<r>a\u0000b</r>".getBytes(StandardCharsets.UTF_8));
        assertMalformed("<r>a\u0001b</r>".getBytes(StandardCharsets.UTF_8));
        // a UTF-16 byte order mark in front of a document that declares UTF-8
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF});
        utf16.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><r/>".getBytes(StandardCharsets.UTF_16BE));
        assertMalformed(utf16.toByteArray());
        // a declared encoding the parser does not know
        assertMalformed("<?xml version=\"1.0\" encoding=\"UTF-7\"?><r>+ADw-x+AD4-</r>"
                .getBytes(Charset.forName("US-ASCII")));
    }

    private static DocumentRejectedException assertMalformed(byte[] xml) {
        var e = assertThrows(DocumentRejectedException.class, () -> SecureXml.parse(xml));
        assertEquals(ErrorCode.MALFORMED, e.code());
        return e;
    }
}
