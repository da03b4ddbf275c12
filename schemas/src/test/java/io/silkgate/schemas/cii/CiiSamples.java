package io.silkgate.schemas.cii;

import io.silkgate.schemas.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.w3c.dom.Element;

/** The hand-written CII test documents under samples/cii and small helpers to load them. */
final class CiiSamples {

    static final String RICH = "rich-invoice.xml";
    static final String CREDIT_NOTE = "credit-note.xml";
    static final String ALLOWANCES_CHARGES = "allowances-charges.xml";
    static final String SEVERAL_VAT_RATES = "several-vat-rates.xml";
    static final String ATTACHMENTS = "attachments.xml";

    /** Every sample file name. */
    static final List<String> ALL = List.of(RICH, CREDIT_NOTE, ALLOWANCES_CHARGES, SEVERAL_VAT_RATES, ATTACHMENTS);

    private CiiSamples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = CiiSamples.class.getResourceAsStream("/samples/cii/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test sample samples/cii/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Element root(String name) {
        return SecureXml.parse(bytes(name)).getDocumentElement();
    }

    static Element root(byte[] xml) {
        return SecureXml.parse(xml).getDocumentElement();
    }
}
