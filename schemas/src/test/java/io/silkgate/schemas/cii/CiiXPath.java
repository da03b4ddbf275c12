package io.silkgate.schemas.cii;

import java.util.Iterator;
import java.util.Map;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** XPath over CII documents with the rsm/ram/qdt/udt prefixes, for tests that look at what was written. */
final class CiiXPath {

    private static final Map<String, String> PREFIXES = Map.of(
            "rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
            "ram", "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
            "qdt", "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
            "udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100");

    private final Node root;
    private final XPath xpath;

    CiiXPath(Node root) {
        this.root = root;
        this.xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return PREFIXES.get(prefix);
            }

            @Override
            public String getPrefix(String namespaceURI) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceURI) {
                return null;
            }
        });
    }

    /** The string value of the expression (empty if it selects nothing). */
    String text(String expression) {
        try {
            return (String) xpath.evaluate(expression, root, XPathConstants.STRING);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    /** How many nodes the expression selects. */
    int count(String expression) {
        try {
            return ((NodeList) xpath.evaluate(expression, root, XPathConstants.NODESET)).getLength();
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }
}
