package io.silkgate.schemas.national;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small read-only helpers over namespace-less DOM elements, used by the national-format rule sets. */
public final class Dom {

    private Dom() {
    }

    /** The first child element with this local name, or null. */
    public static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** The child element reached by following the local names in order, or null. */
    public static Element at(Element parent, String... names) {
        Element current = parent;
        for (String name : names) {
            current = child(current, name);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** Every child element with this local name, in document order. */
    public static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    /** The trimmed text of the named child, or null when it is absent or blank. */
    public static String text(Element parent, String name) {
        Element e = child(parent, name);
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().trim();
        return t.isEmpty() ? null : t;
    }

    /** The named child as a number, or null when it is absent, blank or not a plain decimal. */
    public static BigDecimal decimal(Element parent, String name) {
        return Amounts.parse(text(parent, name));
    }

    /** An XPath-like location of the node, e.g. {@code /HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[2]/ThTien}. */
    public static String path(Node node) {
        StringBuilder sb = new StringBuilder();
        for (Node n = node; n instanceof Element e; n = n.getParentNode()) {
            String step = e.getNodeName();
            int index = 1;
            int count = 0;
            Node parent = e.getParentNode();
            if (parent != null) {
                for (Node s = parent.getFirstChild(); s != null; s = s.getNextSibling()) {
                    if (s instanceof Element se && se.getNodeName().equals(step)) {
                        count++;
                        if (se == e) {
                            index = count;
                        }
                    }
                }
            }
            sb.insert(0, "/" + step + (count > 1 ? "[" + index + "]" : ""));
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }
}
