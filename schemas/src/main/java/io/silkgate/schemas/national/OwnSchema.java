package io.silkgate.schemas.national;

import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * One of Silkgate's own XSDs for a national invoice format, compiled once from the classpath, that checks a
 * parsed document and reports every violation as a {@code SCHEMA_INVALID} problem located at the element path.
 */
public final class OwnSchema {

    // The JDK validator tells which DOM node it is on through this Xerces property; without it we report no path.
    private static final String CURRENT_NODE = "http://apache.org/xml/properties/dom/current-element-node";
    private static final int MAX_PROBLEMS = 100;

    private final String resource;
    private final String rootName;
    private volatile Schema schema;

    /** {@code resource} is a classpath path such as {@code /xsd/vn-tt78/HDon.xsd}; {@code rootName} the expected root. */
    public OwnSchema(String resource, String rootName) {
        this.resource = resource;
        this.rootName = rootName;
    }

    /** The compiled schema; compiled on first use and then shared (javax.xml.validation.Schema is thread-safe). */
    public Schema schema() {
        Schema s = schema;
        if (s == null) {
            synchronized (this) {
                s = schema;
                if (s == null) {
                    s = compile();
                    schema = s;
                }
            }
        }
        return s;
    }

    /** True when the document element has the expected local name and no namespace. */
    public boolean hasExpectedRoot(Element root) {
        return root != null && rootName.equals(root.getLocalName()) && root.getNamespaceURI() == null;
    }

    /** Every schema violation of the document; empty when it is valid. The document is not modified. */
    public List<Problem> validate(Document document) {
        return validate(document.getDocumentElement(), document);
    }

    /** Every schema violation of the element and its content, taken as a document of its own; not modified. */
    public List<Problem> validate(Element root) {
        return validate(root, root);
    }

    private List<Problem> validate(Element root, Node source) {
        if (!hasExpectedRoot(root)) {
            String found = root == null ? "nothing" : describe(root);
            return List.of(Problem.at(ErrorCode.SCHEMA_INVALID,
                    "the document element must be " + rootName + " without namespace, found " + found,
                    root == null ? "/" : "/" + root.getNodeName()));
        }
        List<Problem> problems = new ArrayList<>();
        Validator validator = schema().newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("XML validator cannot be configured securely", e);
        }
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                add(e);
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                add(e);
            }

            private void add(SAXParseException e) throws SAXException {
                problems.add(Problem.at(ErrorCode.SCHEMA_INVALID, e.getMessage(), currentPath(validator)));
                if (problems.size() >= MAX_PROBLEMS) {
                    throw e;
                }
            }
        });
        try {
            validator.validate(new DOMSource(source));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(Problem.of(ErrorCode.SCHEMA_INVALID, e.getMessage()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("in-memory validation failed", e);
        }
        return problems;
    }

    private static String currentPath(Validator validator) {
        try {
            Object node = validator.getProperty(CURRENT_NODE);
            return node instanceof Node n ? Dom.path(n) : null;
        } catch (SAXException e) {
            return null;
        }
    }

    private static String describe(Element root) {
        String ns = root.getNamespaceURI();
        return ns == null ? root.getLocalName() : "{" + ns + "}" + root.getLocalName();
    }

    private Schema compile() {
        URL url = OwnSchema.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("schema resource missing from the classpath: " + resource);
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("our own schema " + resource + " does not compile", e);
        }
    }
}
