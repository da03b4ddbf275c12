package io.silkgate.schemas;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one hardened XML parser of Silkgate: no DTDs, no external entities, no XInclude, secure processing.
 * Every XML document that enters the gateway is parsed here.
 */
public final class SecureXml {

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
            return builder.parse(new ByteArrayInputStream(xml));
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
