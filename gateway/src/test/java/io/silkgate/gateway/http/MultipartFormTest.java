package io.silkgate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

    private static final byte[] BINARY = {0x30, (byte) 0x82, 0x0d, 0x0a, 0x2d, 0x2d, 0x00, (byte) 0xff};

    private static byte[] form(String boundary, String... headersAndBodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < headersAndBodies.length; i += 2) {
            out.writeBytes(((i == 0 ? "" : "\r\n") + "--" + boundary + "\r\n" + headersAndBodies[i] + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(headersAndBodies[i + 1].getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void partsComeBackByteExact() throws Exception {
        String binary = new String(BINARY, StandardCharsets.ISO_8859_1);
        byte[] body = form("b0undary",
                "Content-Disposition: form-data; name=\"document\"; filename=\"a.xml\"\r\nContent-Type: application/xml",
                "<Invoice/>\r\n",
                "Content-Disposition: form-data; name=\"signature\"", binary);

        Map<String, MultipartForm.Part> parts = MultipartForm.parse(body, "b0undary");

        assertEquals("application/xml", parts.get("document").contentType());
        assertArrayEquals("<Invoice/>\r\n".getBytes(StandardCharsets.US_ASCII), parts.get("document").content());
        assertNull(parts.get("signature").contentType());
        assertArrayEquals(BINARY, parts.get("signature").content(), "CRLF-- inside a part is content");
    }

    @Test
    void boundaryParameterQuotedOrNot() {
        assertEquals("abc", MultipartForm.boundary("multipart/form-data; boundary=abc"));
        assertEquals("a b:c", MultipartForm.boundary("multipart/form-data; boundary=\"a b:c\"; charset=utf-8"));
        assertNull(MultipartForm.boundary("multipart/form-data"));
    }

    @Test
    void malformedFormsAreRefusedWithAReason() {
        String doc = "Content-Disposition: form-data; name=\"document\"";
        assertTrue(assertThrows(MultipartForm.MalformedException.class,
                () -> MultipartForm.parse(form("x", doc, "a", doc, "b"), "x")).getMessage().contains("twice"));
        assertTrue(assertThrows(MultipartForm.MalformedException.class,
                () -> MultipartForm.parse((doc + "\r\n\r\nnever closed").replace("Content", "--x\r\nContent")
                        .getBytes(StandardCharsets.US_ASCII), "x"))
                .getMessage().contains("not closed"));
        assertTrue(assertThrows(MultipartForm.MalformedException.class,
                () -> MultipartForm.parse(form("x", "Content-Disposition: form-data", "a"), "x"))
                .getMessage().contains("no name"));
        assertTrue(assertThrows(MultipartForm.MalformedException.class,
                () -> MultipartForm.parse(form("x", doc + "\r\nContent-Transfer-Encoding: base64", "YQ=="), "x"))
                .getMessage().contains("Content-Transfer-Encoding"));
        assertThrows(MultipartForm.MalformedException.class,
                () -> MultipartForm.parse("no boundary here".getBytes(StandardCharsets.US_ASCII), "x"));
    }
}
