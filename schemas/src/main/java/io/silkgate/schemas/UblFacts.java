package io.silkgate.schemas;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads {@link DocumentFacts} from a UBL 2.1 Invoice or CreditNote element. */
public final class UblFacts {

    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static final String CBC = FormatDetector.UBL_CBC_NS;

    private UblFacts() {
    }

    public static DocumentFacts read(String format, Element root) {
        String type = "CreditNote".equals(root.getLocalName()) ? "credit-note" : "invoice";
        return new DocumentFacts(format, type,
                text(child(root, CBC, "ID")),
                partyCountry(child(root, CAC, "AccountingSupplierParty")),
                partyCountry(child(root, CAC, "AccountingCustomerParty")));
    }

    private static String partyCountry(Element roleParty) {
        Element party = child(roleParty, CAC, "Party");
        Element country = child(child(party, CAC, "PostalAddress"), CAC, "Country");
        String code = text(child(country, CBC, "IdentificationCode"));
        return code == null ? null : code.toUpperCase(java.util.Locale.ROOT);
    }

    /** The first direct child with this name, so that nested look-alikes deeper in the tree are never taken. */
    private static Element child(Element parent, String ns, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().trim();
        return t.isEmpty() ? null : t;
    }
}
