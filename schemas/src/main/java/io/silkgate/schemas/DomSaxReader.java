package io.silkgate.schemas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ContentHandler;
import org.xml.sax.DTDHandler;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.LocatorImpl;

/**
 * An {@link XMLReader} that "parses" a DOM already in memory: it walks the document and reports its nodes as SAX
 * events, the way a parser reports the bytes. Nothing is parsed or serialised again.
 *
 * <p>Why: handed a DOM, Saxon navigates it through wrapper objects, which makes the EN 16931 Schematron (XSLT) much
 * slower than on Saxon's own tree; handed this reader, it builds its own tree from the events instead. JAXB reading
 * from it can be spared subtrees it has no use for ({@code skip}).
 */
public final class DomSaxReader implements XMLReader {

    private static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";
    private static final String STRING_INTERNING = "http://xml.org/sax/features/string-interning";

    private final Node start;
    private final Predicate<Element> skip;
    private final Map<String, Boolean> features = new HashMap<>();
    private final Map<String, Object> properties = new HashMap<>();
    private ContentHandler content;
    private DTDHandler dtd;
    private EntityResolver entities;
    private ErrorHandler errors;

    /** Reports the whole document. */
    public DomSaxReader(Document document) {
        this(document, element -> false);
    }

    /**
     * Reports the document or element {@code start} (an element as if it were a document, with the namespaces in
     * scope there) and leaves out every element for which {@code skip} is true, with its subtree.
     */
    public DomSaxReader(Node start, Predicate<Element> skip) {
        if (!(start instanceof Document) && !(start instanceof Element)) {
            throw new IllegalArgumentException("a document or an element is needed, not " + start.getNodeName());
        }
        this.start = start;
        this.skip = skip;
        features.put("http://xml.org/sax/features/namespaces", true);
        features.put("http://xml.org/sax/features/namespace-prefixes", false);
    }

    @Override
    public void parse(InputSource ignored) throws SAXException {
        if (content == null) {
            throw new SAXException("no ContentHandler set");
        }
        // no line numbers in a DOM: a locator that says so, for consumers (JAXB) that expect one
        LocatorImpl nowhere = new LocatorImpl();
        nowhere.setLineNumber(-1);
        nowhere.setColumnNumber(-1);
        content.setDocumentLocator(nowhere);
        content.startDocument();
        if (start instanceof Element element) {
            List<String> inherited = declareInherited(element);
            send(element);
            for (String prefix : inherited) {
                content.endPrefixMapping(prefix);
            }
        } else {
            for (Node child = start.getFirstChild(); child != null; child = child.getNextSibling()) {
                send(child);
            }
        }
        content.endDocument();
    }

    /** A source for a {@code javax.xml.transform} or JAXB consumer that reads this DOM through this reader. */
    public Source asSource(String systemId) {
        InputSource input = new InputSource();
        input.setSystemId(systemId);
        return new SAXSource(this, input);
    }

    // An element below the root relies on namespaces its ancestors declare: report those first.
    private List<String> declareInherited(Element element) throws SAXException {
        List<String> declared = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        NamedNodeMap own = element.getAttributes();
        for (int i = 0; i < own.getLength(); i++) {
            Attr attribute = (Attr) own.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                seen.add(prefixOf(attribute));
            }
        }
        for (Node node = element.getParentNode(); node instanceof Element ancestor; node = node.getParentNode()) {
            NamedNodeMap all = ancestor.getAttributes();
            for (int i = 0; i < all.getLength(); i++) {
                Attr attribute = (Attr) all.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())
                        && seen.add(prefixOf(attribute))) {
                    content.startPrefixMapping(prefixOf(attribute), attribute.getValue());
                    declared.add(prefixOf(attribute));
                }
            }
        }
        return declared;
    }

    private static String prefixOf(Attr namespaceDeclaration) {
        return XMLConstants.XMLNS_ATTRIBUTE.equals(namespaceDeclaration.getName()) ? ""
                : namespaceDeclaration.getLocalName();
    }

    @Override
    public void parse(String systemId) throws SAXException {
        parse(new InputSource(systemId));
    }

    private void send(Node node) throws SAXException {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                if (!skip.test((Element) node)) {
                    sendElement((Element) node);
                }
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                char[] text = node.getNodeValue().toCharArray();
                content.characters(text, 0, text.length);
            }
            case Node.PROCESSING_INSTRUCTION_NODE -> content.processingInstruction(node.getNodeName(),
                    node.getNodeValue());
            case Node.COMMENT_NODE -> {
                if (properties.get(LEXICAL_HANDLER) instanceof LexicalHandler lexical) {
                    char[] text = node.getNodeValue().toCharArray();
                    lexical.comment(text, 0, text.length);
                }
            }
            case Node.ENTITY_REFERENCE_NODE -> {
                for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                    send(child);
                }
            }
            default -> {
                // document type nodes: a hardened parse never produces them, and they carry no content
            }
        }
    }

    private void sendElement(Element element) throws SAXException {
        AttributesImpl attributes = new AttributesImpl();
        NamedNodeMap all = element.getAttributes();
        int declared = 0;
        String[] prefixes = new String[all.getLength()];
        for (int i = 0; i < all.getLength(); i++) {
            Attr attribute = (Attr) all.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                String prefix = prefixOf(attribute);
                content.startPrefixMapping(prefix, attribute.getValue());
                prefixes[declared++] = prefix;
            } else {
                attributes.addAttribute(nullToEmpty(attribute.getNamespaceURI()), localName(attribute),
                        attribute.getName(), "CDATA", attribute.getValue());
            }
        }
        String uri = nullToEmpty(element.getNamespaceURI());
        content.startElement(uri, localName(element), element.getTagName(), attributes);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            send(child);
        }
        content.endElement(uri, localName(element), element.getTagName());
        for (int i = declared - 1; i >= 0; i--) {
            content.endPrefixMapping(prefixes[i]);
        }
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public boolean getFeature(String name) {
        return features.getOrDefault(name, false);
    }

    // Saxon switches parser features on and off as it would for a real parser; they change nothing for a DOM walk.
    // Interned names are the one promise this reader does not make (JAXB then interns them itself).
    @Override
    public void setFeature(String name, boolean value) throws SAXNotSupportedException {
        if (STRING_INTERNING.equals(name) && value) {
            throw new SAXNotSupportedException("names are not interned");
        }
        features.put(name, value);
    }

    @Override
    public Object getProperty(String name) throws SAXNotRecognizedException {
        if (!properties.containsKey(name)) {
            throw new SAXNotRecognizedException(name);
        }
        return properties.get(name);
    }

    @Override
    public void setProperty(String name, Object value) {
        properties.put(name, value);
    }

    @Override
    public void setEntityResolver(EntityResolver resolver) {
        this.entities = resolver;
    }

    @Override
    public EntityResolver getEntityResolver() {
        return entities;
    }

    @Override
    public void setDTDHandler(DTDHandler handler) {
        this.dtd = handler;
    }

    @Override
    public DTDHandler getDTDHandler() {
        return dtd;
    }

    @Override
    public void setContentHandler(ContentHandler handler) {
        this.content = handler;
    }

    @Override
    public ContentHandler getContentHandler() {
        return content;
    }

    @Override
    public void setErrorHandler(ErrorHandler handler) {
        this.errors = handler;
    }

    @Override
    public ErrorHandler getErrorHandler() {
        return errors;
    }
}
