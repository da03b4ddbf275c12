package io.silkgate.schemas.ubl;

import java.io.IOException;
import java.io.Writer;
import org.glassfish.jaxb.core.marshaller.CharacterEscapeHandler;

/**
 * Escapes text and attribute values as the UBL documents were escaped when ph-xml wrote them (XML 1.0, attributes in
 * double quotes), so that letting JAXB write them changed no byte. Text: CR, &amp;, &lt;, &gt; and the C1 controls
 * U+007F..U+009F; attribute values: tab, LF, CR, &quot;, &amp; and &lt;. Named entities where XML has one, otherwise
 * an upper-case hexadecimal character reference.
 */
final class XmlTextEscaper implements CharacterEscapeHandler {

    static final XmlTextEscaper INSTANCE = new XmlTextEscaper();

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private XmlTextEscaper() {
    }

    @Override
    public void escape(char[] text, int start, int length, boolean attribute, Writer out) throws IOException {
        int end = start + length;
        int plain = start;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (attribute ? escapedInAttribute(c) : escapedInText(c)) {
                out.write(text, plain, i - plain);
                out.write(reference(c));
                plain = i + 1;
            }
        }
        out.write(text, plain, end - plain);
    }

    private static boolean escapedInText(char c) {
        return c == '&' || c == '<' || c == '>' || c == '\r' || (c >= 0x7F && c <= 0x9F);
    }

    private static boolean escapedInAttribute(char c) {
        return c == '&' || c == '<' || c == '"' || c == '\t' || c == '\n' || c == '\r';
    }

    private static String reference(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            default -> hexReference(c);
        };
    }

    // the shortest upper-case hex form: &#xD; &#x7F;
    private static String hexReference(char c) {
        StringBuilder reference = new StringBuilder("&#x");
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int digit = (c >> shift) & 0xF;
            if (digit != 0 || started || shift == 0) {
                reference.append(HEX[digit]);
                started = true;
            }
        }
        return reference.append(';').toString();
    }
}
