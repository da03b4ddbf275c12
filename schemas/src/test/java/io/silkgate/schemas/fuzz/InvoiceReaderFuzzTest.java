package io.silkgate.schemas.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.en16931.InvoiceFormat;
import io.silkgate.schemas.en16931.InvoiceFormats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The invoice readers of the {@code InvoiceFormats} catalogue (UBL, CII, vn-tt78, cn-fapiao) either read a
 * document or reject it with a {@link DocumentRejectedException}; any other exception (a null pointer, a
 * number format, an index out of bounds) is a finding. Raw bytes hardly ever get past the parser, so the
 * structured targets start from a valid sample and let the fuzzer rewrite values, drop elements and duplicate
 * them — where readers parse amounts, dates and codes. Seeds: {@code InvoiceReaderFuzzTestInputs/}.
 */
class InvoiceReaderFuzzTest {

    private static final byte[] UBL = sample("samples/ubl/rich-invoice.xml");
    private static final byte[] CII = sample("samples/cii/rich-invoice.xml");
    private static final byte[] VN = sample("samples/vn/hdon-vat-invoice.xml");
    private static final byte[] CN = sample("samples/cn/fapiao-special-vat.xml");

    @FuzzTest(maxDuration = "10m")
    void ublReaderReadsOrRejects(FuzzedDataProvider data) {
        readMutated("ubl", UBL, data);
    }

    @FuzzTest(maxDuration = "10m")
    void ciiReaderReadsOrRejects(FuzzedDataProvider data) {
        readMutated("cii", CII, data);
    }

    @FuzzTest(maxDuration = "10m")
    void vnTt78ReaderReadsOrRejects(FuzzedDataProvider data) {
        readMutated("vn-tt78", VN, data);
    }

    @FuzzTest(maxDuration = "10m")
    void cnFapiaoReaderReadsOrRejects(FuzzedDataProvider data) {
        readMutated("cn-fapiao", CN, data);
    }

    /** Whatever parses is handed to every reader: a reader must also cope with another format's root. */
    @FuzzTest(maxDuration = "10m")
    void everyReaderCopesWithAnyParsedDocument(byte[] xml) {
        Document document;
        try {
            document = SecureXml.parse(xml);
        } catch (DocumentRejectedException e) {
            return;
        }
        for (InvoiceFormat format : InvoiceFormats.all()) {
            if (format.canRead()) {
                read(format, document.getDocumentElement());
            }
        }
    }

    private static void readMutated(String formatId, byte[] sample, FuzzedDataProvider data) {
        Document document = SecureXml.parse(sample);
        List<Node> values = new ArrayList<>();
        List<Element> elements = new ArrayList<>();
        collect(document.getDocumentElement(), values, elements);
        int edits = data.consumeInt(0, 12);
        for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
            switch (data.consumeInt(0, 3)) {
                case 0, 1 -> values.get(data.consumeInt(0, values.size() - 1)).setNodeValue(data.consumeString(80));
                case 2 -> {
                    Element e = elements.get(data.consumeInt(0, elements.size() - 1));
                    if (e.getParentNode() instanceof Element parent) {
                        parent.removeChild(e);
                    }
                }
                default -> {
                    Element e = elements.get(data.consumeInt(0, elements.size() - 1));
                    if (e.getParentNode() instanceof Element parent) {
                        parent.insertBefore(e.cloneNode(true), e);
                    }
                }
            }
        }
        read(InvoiceFormats.byId(formatId).orElseThrow(), document.getDocumentElement());
    }

    private static void read(InvoiceFormat format, Element root) {
        try {
            format.read(root);
        } catch (DocumentRejectedException e) {
            // a rejection with a code is the reader doing its job
        }
    }

    /** Text of leaf elements and attribute values (where readers parse), and every element below the root. */
    private static void collect(Element root, List<Node> values, List<Element> elements) {
        List<Element> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Element e = todo.remove(todo.size() - 1);
            if (e != root) {
                elements.add(e);
            }
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                if (!a.getName().startsWith("xmlns")) {
                    values.add(a);
                }
            }
            boolean leaf = true;
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element child) {
                    leaf = false;
                    todo.add(child);
                }
            }
            if (leaf && e.getFirstChild() != null) {
                values.add(e.getFirstChild());
            }
        }
    }

    private static byte[] sample(String resource) {
        try (InputStream in = InvoiceReaderFuzzTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
