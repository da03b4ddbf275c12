package io.silkgate.schemas.ubl;

import com.helger.diagnostics.error.list.ErrorList;
import com.helger.jaxb.JAXBContextCache;
import com.helger.jaxb.JAXBContextCacheKey;
import com.helger.jaxb.JAXBNamespacePrefixMapper;
import com.helger.jaxb.validation.WrappedCollectingValidationEventHandler;
import com.helger.ubl21.UBL21Marshaller;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.namespace.QName;
import javax.xml.validation.Schema;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;

/**
 * Serialises UBL 2.1 Invoice and CreditNote trees as indented UTF-8, checked against the UBL 2.1 XSD while they are
 * written. Same bytes as ph-ubl's {@code UBL21Marshaller} with formatted output (same JAXB context, schema, prefixes
 * and escaping), but JAXB writes the UTF-8 itself: going through ph-xml's XMLStreamWriter cost about half of a CII to
 * UBL conversion. Thread-safe: the context, schema and prefix mapper are shared, a marshaller is made per document.
 */
final class UblDocumentSerializer<T> {

    static final UblDocumentSerializer<InvoiceType> INVOICE =
            new UblDocumentSerializer<>(InvoiceType.class, UBL21Marshaller.invoice());
    static final UblDocumentSerializer<CreditNoteType> CREDIT_NOTE =
            new UblDocumentSerializer<>(CreditNoteType.class, UBL21Marshaller.creditNote());

    private static final byte[] DECLARATION =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.UTF_8);
    private static final String INDENT = "  ";
    private static final String INDENT_STRING = "org.glassfish.jaxb.indentString";
    private static final String PREFIX_MAPPER = "org.glassfish.jaxb.namespacePrefixMapper";
    private static final String ESCAPE_HANDLER = "org.glassfish.jaxb.characterEscapeHandler";

    private final Class<T> type;
    private final QName root;
    private final JAXBContext context;
    private final Schema schema;
    private final JAXBNamespacePrefixMapper prefixes;

    private UblDocumentSerializer(Class<T> type, UBL21Marshaller.UBL21JAXBMarshaller<T> phUbl) {
        this.type = type;
        this.root = phUbl.getRootElementQName();
        // the very context and compiled schema ph-ubl caches for this document type
        this.context = phUblContext(type);
        this.schema = phUbl.getSchema();
        this.prefixes = new JAXBNamespacePrefixMapper(phUbl.getNamespaceContext());
    }

    /** The JAXB context ph-ubl caches for the package of {@code type}. */
    static JAXBContext phUblContext(Class<?> type) {
        return JAXBContextCache.getInstance()
                .getFromCache(JAXBContextCacheKey.createForPackage(type.getPackage(), type.getClassLoader()));
    }

    /**
     * The document's bytes, or null when JAXB gave up on it (a schema violation); {@code errors} receives every
     * violation found.
     */
    byte[] toBytes(T document, ErrorList errors) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setEventHandler(new WrappedCollectingValidationEventHandler(errors));
            marshaller.setSchema(schema);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            // JAXB's own declaration would say standalone="yes"; the documents have always been written without it
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            marshaller.setProperty(INDENT_STRING, INDENT);
            marshaller.setProperty(PREFIX_MAPPER, prefixes);
            marshaller.setProperty(ESCAPE_HANDLER, XmlTextEscaper.INSTANCE);
            out.writeBytes(DECLARATION);
            marshaller.marshal(new JAXBElement<>(root, type, null, document), out);
        } catch (JAXBException e) {
            return null;
        }
        return asPhXmlWroteIt(out.toByteArray());
    }

    /**
     * Two layout details in which JAXB's own UTF-8 output differs from what ph-xml's stream writer made of the same
     * events: JAXB ends with a line break, and it lists the root's namespace declarations first-to-last where the
     * stream writer received them last-to-first. (JAXB declares every namespace on the root, so no other tag has any.)
     */
    private static byte[] asPhXmlWroteIt(byte[] written) {
        int length = written.length > 0 && written[written.length - 1] == '\n' ? written.length - 1 : written.length;
        byte[] document = Arrays.copyOf(written, length);
        int tagStart = indexOf(document, (byte) '<', DECLARATION.length);
        int tagEnd = indexOf(document, (byte) '>', tagStart);
        if (tagStart < 0 || tagEnd < 0) {
            return document;
        }
        String[] parts = new String(document, tagStart, tagEnd - tagStart, StandardCharsets.UTF_8).split(" ");
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].startsWith("xmlns")) {
                return document;
            }
        }
        StringBuilder tag = new StringBuilder(parts[0]);
        for (int i = parts.length - 1; i >= 1; i--) {
            tag.append(' ').append(parts[i]);
        }
        byte[] reordered = tag.toString().getBytes(StandardCharsets.UTF_8);
        System.arraycopy(reordered, 0, document, tagStart, reordered.length);
        return document;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = Math.max(from, 0); i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
