package io.silkgate.schemas;

import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Element;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates UBL 2.1 Invoice and CreditNote documents against the OASIS XSDs shipped inside ph-ubl21 (read from
 * the class path only: no schema is ever fetched over the network).
 */
public final class UblSchemaValidator {

    private static final String XSD_ROOT = "external/schemas/ubl21/maindoc/";
    private static final int MAX_REPORTED = 20;

    private final Schema invoice;
    private final Schema creditNote;

    public UblSchemaValidator() {
        this.invoice = load("UBL-Invoice-2.1.xsd");
        this.creditNote = load("UBL-CreditNote-2.1.xsd");
    }

    /** Every schema violation of the document rooted at {@code root}; empty if it is valid. */
    public List<Problem> validate(Element root) {
        Schema schema = "CreditNote".equals(root.getLocalName()) ? creditNote : invoice;
        Validator validator = schema.newValidator();
        List<Problem> problems = new ArrayList<>();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                if (problems.size() < MAX_REPORTED) {
                    problems.add(Problem.at(ErrorCode.SCHEMA_INVALID, e.getMessage(),
                            "line " + e.getLineNumber() + ", column " + e.getColumnNumber()));
                }
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        try {
            validator.validate(new DOMSource(root));
        } catch (SAXException | java.io.IOException e) {
            problems.add(Problem.of(ErrorCode.SCHEMA_INVALID, e.getMessage()));
        }
        return problems;
    }

    private static Schema load(String file) {
        URL url = UblSchemaValidator.class.getClassLoader().getResource(XSD_ROOT + file);
        if (url == null) {
            throw new IllegalStateException("UBL 2.1 schema not on the class path: " + XSD_ROOT + file);
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // the UBL schemas import each other relatively: allow local (jar/file) resources only
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setResourceResolver(new ClasspathSchemaResolver());
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("UBL 2.1 schema cannot be compiled: " + file, e);
        }
    }

    /**
     * The UBL schemas import CCTS, XMLDSig and XAdES by namespace only; their local copies come in the phax
     * xsds jars. Anything else resolves relative to the importing schema, inside the jar.
     */
    private static final class ClasspathSchemaResolver implements LSResourceResolver {

        private static final Map<String, String> BY_NAMESPACE = Map.of(
                "urn:un:unece:uncefact:data:specification:CoreComponentTypeSchemaModule:2",
                "schemas/CCTS_CCT_SchemaModule.xsd",
                "http://www.w3.org/2000/09/xmldsig#", "schemas/xmldsig-core-schema.xsd",
                "http://uri.etsi.org/01903/v1.3.2#", "schemas/XAdES01903v132-201601.xsd",
                "http://uri.etsi.org/01903/v1.4.1#", "schemas/XAdES01903v141-201601.xsd");

        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
                String baseUri) {
            String local = namespace == null ? null : BY_NAMESPACE.get(namespace);
            if (local == null) {
                return null;
            }
            URL url = UblSchemaValidator.class.getClassLoader().getResource(local);
            if (url == null) {
                throw new IllegalStateException("schema for " + namespace + " is not on the class path: " + local);
            }
            return new ClasspathInput(url.toExternalForm(), publicId);
        }
    }

    /** An LSInput read from a class-path URL. */
    private record ClasspathInput(String getSystemId, String getPublicId) implements LSInput {

        @Override
        public InputStream getByteStream() {
            try {
                return new URL(getSystemId).openStream();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public java.io.Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(java.io.Reader characterStream) {
        }

        @Override
        public void setByteStream(InputStream byteStream) {
        }

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {
        }

        @Override
        public void setSystemId(String systemId) {
        }

        @Override
        public void setPublicId(String publicId) {
        }

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String baseUri) {
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
        }
    }
}
