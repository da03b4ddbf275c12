package io.silkgate.schemas.cii;

import com.helger.cii.d16b.CCIID16B;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.UnmarshallerPerThread;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventHandler;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import un.unece.uncefact.data.standard.crossindustryinvoice._100.CrossIndustryInvoiceType;
import un.unece.uncefact.data.standard.crossindustryinvoice._100.ObjectFactory;

/**
 * The CII D16B syntax layer: validation against the UN/CEFACT D16B schemas that ph-cii ships (class path only,
 * never fetched) and JAXB binding to and from ph-cii's classes, validating while it binds.
 */
public final class CiiSyntax {

    /** Namespace of the rsm:CrossIndustryInvoice root. */
    public static final String NAMESPACE = CCIID16B.XML_SCHEMA_RSM_NAMESPACE_URL;
    /** Local name of the root element. */
    public static final String ROOT_NAME = "CrossIndustryInvoice";

    private static final int MAX_REPORTED = 20;
    private static final String CURRENT_ELEMENT_NODE = "http://apache.org/xml/properties/dom/current-element-node";
    private static final String PREFIX_MAPPER = "org.glassfish.jaxb.namespacePrefixMapper";

    private CiiSyntax() {
    }

    /** Whether {@code root} is an rsm:CrossIndustryInvoice element. */
    public static boolean isCii(Element root) {
        return root != null && NAMESPACE.equals(root.getNamespaceURI()) && ROOT_NAME.equals(root.getLocalName());
    }

    /** Every D16B schema violation of the document rooted at {@code root}; empty if it is valid. */
    public static List<Problem> validate(Element root) {
        return validate(new DOMSource(root));
    }

    /** Every D16B schema violation of a serialised CII document; empty if it is valid. */
    public static List<Problem> validate(byte[] xml) {
        return validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    /**
     * Binds a CII root to ph-cii's classes, checking it against the D16B schema on the way; the DOM is only read.
     *
     * @throws DocumentRejectedException SCHEMA_INVALID with every violation (at most 20) and its element path
     */
    static CrossIndustryInvoiceType unmarshal(Element root) {
        Collector problems = new Collector();
        JAXBElement<CrossIndustryInvoiceType> bound;
        try {
            bound = Readers.PER_THREAD.unmarshal(new DOMSource(root), CrossIndustryInvoiceType.class, problems);
        } catch (JAXBException e) {
            if (problems.list.isEmpty()) {
                problems.list.add(Problem.of(ErrorCode.SCHEMA_INVALID, String.valueOf(e.getMessage())));
            }
            bound = null;
        }
        if (!problems.list.isEmpty() || bound == null) {
            throw new DocumentRejectedException(ErrorCode.SCHEMA_INVALID,
                    "CII document is not valid against the D16B schema: " + problems.list.get(0).message(),
                    problems.list);
        }
        return bound.getValue();
    }

    /**
     * Serialises a CII document as indented UTF-8 with the usual rsm/ram/qdt/udt prefixes, checked against the D16B
     * schema while it is written: whatever leaves this method is schema-valid CII.
     *
     * @throws DocumentRejectedException SCHEMA_INVALID if the tree breaks the schema (e.g. no invoice number)
     */
    static byte[] marshal(CrossIndustryInvoiceType cii) {
        Collector problems = new Collector();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            Marshaller marshaller = Binding.CONTEXT.createMarshaller();
            marshaller.setSchema(SchemaHolder.SCHEMA);
            marshaller.setEventHandler(problems);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            marshaller.setProperty(PREFIX_MAPPER, Binding.PREFIXES);
            marshaller.marshal(Binding.FACTORY.createCrossIndustryInvoice(cii), out);
        } catch (JAXBException e) {
            if (problems.list.isEmpty()) {
                throw new IllegalStateException("CII document cannot be serialised", e);
            }
        }
        if (!problems.list.isEmpty()) {
            throw new DocumentRejectedException(ErrorCode.SCHEMA_INVALID,
                    "the written CII is not valid against the D16B schema: " + problems.list.get(0).message(),
                    problems.list);
        }
        return out.toByteArray();
    }

    private static List<Problem> validate(Source source) {
        Validator validator = SchemaHolder.SCHEMA.newValidator();
        List<Problem> problems = new ArrayList<>();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                if (problems.size() < MAX_REPORTED) {
                    String location = e.getLineNumber() > 0
                            ? "line " + e.getLineNumber() + ", column " + e.getColumnNumber() : domPath(validator);
                    problems.add(Problem.at(ErrorCode.SCHEMA_INVALID, e.getMessage(), location));
                }
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        try {
            validator.validate(source);
        } catch (SAXException | IOException e) {
            if (problems.isEmpty()) {
                problems.add(Problem.of(ErrorCode.SCHEMA_INVALID, e.getMessage()));
            }
        }
        return problems;
    }

    // A DOM has no line numbers; the element the validator stands on, as a path, tells the submitter where instead.
    private static String domPath(Validator validator) {
        try {
            return path(validator.getProperty(CURRENT_ELEMENT_NODE));
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            return null;
        }
    }

    private static String path(Object current) {
        if (!(current instanceof Element element)) {
            return null;
        }
        Deque<String> steps = new ArrayDeque<>();
        for (Node node = element; node instanceof Element step; node = node.getParentNode()) {
            steps.addFirst(step.getNodeName() + "[" + position(step) + "]");
        }
        return "/" + String.join("/", steps);
    }

    private static int position(Element element) {
        int position = 1;
        for (Node sibling = element.getPreviousSibling(); sibling != null; sibling = sibling.getPreviousSibling()) {
            if (sibling instanceof Element other && other.getNodeName().equals(element.getNodeName())) {
                position++;
            }
        }
        return position;
    }

    /** Collects JAXB validation events as problems and lets binding go on, so that one report names them all. */
    private static final class Collector implements ValidationEventHandler {

        private final List<Problem> list = new ArrayList<>();

        @Override
        public boolean handleEvent(ValidationEvent event) {
            if (event.getSeverity() == ValidationEvent.WARNING) {
                return true;
            }
            if (list.size() < MAX_REPORTED) {
                list.add(Problem.at(ErrorCode.SCHEMA_INVALID, event.getMessage(), location(event.getLocator())));
            }
            return event.getSeverity() != ValidationEvent.FATAL_ERROR;
        }

        private static String location(ValidationEventLocator locator) {
            if (locator == null) {
                return null;
            }
            String path = path(locator.getNode());
            if (path != null) {
                return path;
            }
            return locator.getLineNumber() > 0
                    ? "line " + locator.getLineNumber() + ", column " + locator.getColumnNumber() : null;
        }
    }

    // JAXBContext and the compiled schema are thread-safe and expensive: one of each, created on first use.
    private static final class Binding {

        static final JAXBContext CONTEXT = context();
        static final ObjectFactory FACTORY = new ObjectFactory();
        static final NamespacePrefixMapper PREFIXES = new NamespacePrefixMapper() {
            private final Map<String, String> prefixes = Map.of(
                    CCIID16B.XML_SCHEMA_RSM_NAMESPACE_URL, "rsm",
                    CCIID16B.XML_SCHEMA_RAM_NAMESPACE_URL, "ram",
                    CCIID16B.XML_SCHEMA_QDT_NAMESPACE_URL, "qdt",
                    CCIID16B.XML_SCHEMA_UDT_NAMESPACE_URL, "udt");

            @Override
            public String getPreferredPrefix(String namespaceUri, String suggestion, boolean requirePrefix) {
                return prefixes.getOrDefault(namespaceUri, suggestion);
            }

            @Override
            public String[] getPreDeclaredNamespaceUris() {
                return new String[] {CCIID16B.XML_SCHEMA_RSM_NAMESPACE_URL, CCIID16B.XML_SCHEMA_RAM_NAMESPACE_URL,
                    CCIID16B.XML_SCHEMA_QDT_NAMESPACE_URL, CCIID16B.XML_SCHEMA_UDT_NAMESPACE_URL};
            }
        };

        private static JAXBContext context() {
            try {
                return JAXBContext.newInstance(CrossIndustryInvoiceType.class, ObjectFactory.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("JAXB context for CII D16B cannot be created", e);
            }
        }
    }

    private static final class Readers {

        static final UnmarshallerPerThread PER_THREAD = new UnmarshallerPerThread(Binding.CONTEXT, SchemaHolder.SCHEMA);
    }

    private static final class SchemaHolder {

        static final Schema SCHEMA = load();

        private static Schema load() {
            URL url = CiiSyntax.class.getClassLoader().getResource(CCIID16B.XSD_PATH);
            if (url == null) {
                throw new IllegalStateException("CII D16B schema not on the class path: " + CCIID16B.XSD_PATH);
            }
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                // the D16B schemas import each other and their code lists relatively, inside the ph-cii jar
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                return factory.newSchema(url);
            } catch (SAXException e) {
                throw new IllegalStateException("CII D16B schema cannot be compiled", e);
            }
        }
    }
}
