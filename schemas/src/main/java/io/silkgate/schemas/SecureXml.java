package io.silkgate.schemas;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one hardened XML parser of Silkgate: no DTDs (so no entities of any kind: no XXE, no expansion bombs), no
 * external entities, no XInclude, secure processing, and bounds on element depth, attributes per element and
 * attribute length. Text nodes are bounded only by the document size limit of the intake: a legitimate invoice
 * may carry a base64 attachment of megabytes in one element. Every XML document that enters the gateway is
 * parsed here.
 */
public final class SecureXml {

    /** Invoices nest about 15 deep with an enveloped XAdES signature; 30 000 open tags is an attack on the stack. */
    public static final int MAX_ELEMENT_DEPTH = 256;
    /** Namespace declarations count too; business elements carry a handful. */
    public static final int MAX_ATTRIBUTES_PER_ELEMENT = 256;
    /** Identifiers, codes and namespace URIs; no business attribute comes near this. */
    public static final int MAX_ATTRIBUTE_CHARS = 64 * 1024;

    private static final String JDK_PROPERTIES = "http://www.oracle.com/xml/jaxp/properties/";
    private static final DocumentBuilderFactory FACTORY = createFactory();

    private SecureXml() {
    }

    /** Parses submitted bytes; anything that is not well-formed, or declares a DOCTYPE, is MALFORMED. */
    public static Document parse(byte[] xml) {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed: " + systemId);
            });
            Document document = builder.parse(new ByteArrayInputStream(xml));
            checkAttributeLengths(document);
            return document;
        } catch (SAXParseException e) {
            throw new DocumentRejectedException(ErrorCode.MALFORMED,
                    "not well-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                            + readable(e.getMessage()));
        } catch (SAXException | IOException e) {
            throw new DocumentRejectedException(ErrorCode.MALFORMED, "not well-formed XML: " + readable(e.getMessage()));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
    }

    /** A new namespace-aware builder with the same hardening, for code that builds documents itself. */
    public static DocumentBuilder newBuilder() {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
    }

    /** Walks the tree without recursion, so that checking a deep document cannot exhaust the stack either. */
    private static void checkAttributeLengths(Document document) {
        Node node = document.getDocumentElement();
        while (node != null) {
            if (node instanceof Element element) {
                NamedNodeMap attributes = element.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Node a = attributes.item(i);
                    if (a.getNodeValue().length() > MAX_ATTRIBUTE_CHARS) {
                        throw new DocumentRejectedException(ErrorCode.MALFORMED, "attribute " + a.getNodeName()
                                + " of element " + element.getTagName() + " is longer than " + MAX_ATTRIBUTE_CHARS
                                + " characters");
                    }
                }
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != null && node.getNextSibling() == null) {
                node = node.getParentNode();
                if (node == document) {
                    return;
                }
            }
            node = node == null ? null : node.getNextSibling();
        }
    }

    private static String readable(String message) {
        if (message == null) {
            return "unreadable input";
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private static DocumentBuilderFactory createFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // the JDK's XMLSecurityManager limits; element depth is unlimited by default
            f.setAttribute(JDK_PROPERTIES + "maxElementDepth", MAX_ELEMENT_DEPTH);
            f.setAttribute(JDK_PROPERTIES + "elementAttributeLimit", MAX_ATTRIBUTES_PER_ELEMENT);
            f.setAttribute(JDK_PROPERTIES + "entityExpansionLimit", 1);
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("XML parser does not support the required hardening", e);
        }
        return f;
    }

    // Parse errors are reported through the exception, never logged by the parser itself.
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
