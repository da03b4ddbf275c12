package io.silkgate.schemas.validation;

import io.silkgate.schemas.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The test invoices under {@code samples/validation/}, parsed the way the gateway parses them, and small edits. */
final class ValidationSamples {

    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    static final String RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

    private ValidationSamples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = ValidationSamples.class.getResourceAsStream("/samples/validation/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document parse(String name) {
        return SecureXml.parse(bytes(name));
    }

    /** The sample with the text of the first {@code {namespace}localName} element replaced. */
    static Document withText(String name, String namespace, String localName, String text) {
        Document document = parse(name);
        first(document, namespace, localName).setTextContent(text);
        return document;
    }

    /** The sample without the first {@code {namespace}localName} element. */
    static Document without(String name, String namespace, String localName) {
        Document document = parse(name);
        Element element = first(document, namespace, localName);
        element.getParentNode().removeChild(element);
        return document;
    }

    static String serialise(Document document) {
        try {
            StringWriter out = new StringWriter();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element first(Document document, String namespace, String localName) {
        Element element = (Element) document.getElementsByTagNameNS(namespace, localName).item(0);
        if (element == null) {
            throw new IllegalArgumentException("no {" + namespace + "}" + localName + " in the sample");
        }
        return element;
    }
}
