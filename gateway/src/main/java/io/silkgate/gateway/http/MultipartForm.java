package io.silkgate.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of {@code multipart/form-data} (RFC 7578) bodies already bounded in size: named parts only, each
 * name at most once, no nested multiparts, a handful of parts. Binary-safe: part contents are returned byte-exact.
 */
final class MultipartForm {

    private static final int MAX_PARTS = 4;
    private static final int MAX_HEADER_BYTES = 4096;
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
    private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name=\"([^\"]{1,100})\"");

    private MultipartForm() {
    }

    /** One part: its content type (null if none given) and its bytes. */
    record Part(String contentType, byte[] content) {
    }

    /** Thrown for a body that is not a well-formed form of named parts; the message says what is wrong. */
    static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    /** The boundary parameter of a multipart content type, or null when there is none. */
    static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = BOUNDARY.matcher(contentType);
        return m.find() ? (m.group(2) != null ? m.group(2) : m.group(3)) : null;
    }

    static Map<String, Part> parse(byte[] body, String boundary) throws MalformedException {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new MalformedException("the multipart body has no boundary line --" + boundary);
        }
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        Map<String, Part> parts = new LinkedHashMap<>();
        int position = at + delimiter.length;
        while (true) {
            if (startsWith(body, position, "--")) {
                return parts;
            }
            if (!startsWith(body, position, "\r\n")) {
                throw new MalformedException("a boundary line must end with CRLF");
            }
            position += 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), position);
            if (headersEnd < 0 || headersEnd - position > MAX_HEADER_BYTES) {
                throw new MalformedException("a part's headers are missing or too long");
            }
            String headers = new String(body, position, headersEnd - position, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int contentEnd = indexOf(body, next, contentStart);
            if (contentEnd < 0) {
                throw new MalformedException("the multipart body is not closed by --" + boundary + "--");
            }
            String name = null;
            String type = null;
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new MalformedException("a part header is not 'name: value': " + line);
                }
                String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                if (header.equals("content-disposition")) {
                    if (!value.toLowerCase(Locale.ROOT).startsWith("form-data")) {
                        throw new MalformedException("a part's Content-Disposition must be form-data");
                    }
                    Matcher m = NAME.matcher(value.substring("form-data".length()));
                    name = m.find() ? m.group(1) : null;
                } else if (header.equals("content-type")) {
                    type = value;
                } else if (header.equals("content-transfer-encoding") && !value.equalsIgnoreCase("binary")) {
                    throw new MalformedException("Content-Transfer-Encoding " + value + " is not accepted (send the "
                            + "bytes as they are)");
                }
            }
            if (name == null) {
                throw new MalformedException("a part has no name in its Content-Disposition");
            }
            if (parts.containsKey(name)) {
                throw new MalformedException("the part '" + name + "' is sent twice");
            }
            if (parts.size() == MAX_PARTS) {
                throw new MalformedException("more than " + MAX_PARTS + " parts");
            }
            parts.put(name, new Part(type, Arrays.copyOfRange(body, contentStart, contentEnd)));
            position = contentEnd + next.length;
        }
    }

    private static boolean startsWith(byte[] body, int position, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return position + bytes.length <= body.length
                && Arrays.equals(body, position, position + bytes.length, bytes, 0, bytes.length);
    }

    private static int indexOf(byte[] body, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= body.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (body[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
