package io.silkgate.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class DomSaxReaderTest {

    private static final String XML = """
            <a:Root xmlns:a="urn:a" xmlns:b="urn:b" xmlns="urn:default" b:flag="yes">
              <!-- a comment -->
              <Child>text &amp; more<![CDATA[ <raw> ]]></Child>
              <b:Skip><b:Inner>gone</b:Inner></b:Skip>
              <b:Keep xml:lang="en" plain="1"><?target data?>kept</b:Keep>
            </a:Root>""";

    @Test
    void aCopyMadeFromTheEventsEqualsTheParsedDocument() throws Exception {
        Document parsed = SecureXml.parse(XML.getBytes(StandardCharsets.UTF_8));
        Document copy = copyOf(new DomSaxReader(parsed));
        parsed.normalizeDocument();
        copy.normalizeDocument();
        assertEquals(serialised(parsed), serialised(copy));
    }

    @Test
    void anElementBelowTheRootKeepsItsInheritedNamespacesAndSkippedElementsAreLeftOut() throws Exception {
        Document parsed = SecureXml.parse(XML.getBytes(StandardCharsets.UTF_8));
        Document copy = copyOf(new DomSaxReader(parsed.getDocumentElement(),
                e -> "Skip".equals(e.getLocalName())));
        Element root = copy.getDocumentElement();
        assertEquals("urn:a", root.getNamespaceURI());
        assertEquals(0, copy.getElementsByTagNameNS("urn:b", "Skip").getLength());
        assertEquals(0, copy.getElementsByTagNameNS("urn:b", "Inner").getLength());
        Element keep = (Element) copy.getElementsByTagNameNS("urn:b", "Keep").item(0);
        assertEquals("kept", keep.getTextContent());
        assertEquals("en", keep.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        assertEquals("urn:default", copy.getElementsByTagNameNS("urn:default", "Child").item(0).getNamespaceURI());
        assertTrue(root.hasAttributeNS("urn:b", "flag"));
    }

    private static Document copyOf(DomSaxReader reader) throws Exception {
        DOMResult result = new DOMResult();
        TransformerFactory.newInstance().newTransformer().transform(reader.asSource("test"), result);
        return (Document) result.getNode();
    }

    private static String serialised(Document document) throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new javax.xml.transform.dom.DOMSource(document),
                new javax.xml.transform.stream.StreamResult(out));
        return out.toString();
    }
}
