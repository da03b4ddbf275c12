package io.silkgate.schemas;

import java.util.ArrayList;
import java.util.List;
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
        Element seller = child(root, CAC, "AccountingSupplierParty");
        return new DocumentFacts(format, type,
                text(child(root, CBC, "ID")),
                partyCountry(seller),
                partyCountry(child(root, CAC, "AccountingCustomerParty")),
                partyIds(child(seller, CAC, "Party")));
    }

    /** Every identifier of a party: endpoint, party identifications, VAT number ({@code VA:}), legal registration. */
    private static List<String> partyIds(Element party) {
        List<String> ids = new ArrayList<>();
        if (party == null) {
            return ids;
        }
        addSchemed(ids, child(party, CBC, "EndpointID"));
        for (Node n = party.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && CAC.equals(e.getNamespaceURI())) {
                switch (e.getLocalName()) {
                    case "PartyIdentification" -> addSchemed(ids, child(e, CBC, "ID"));
                    case "PartyLegalEntity" -> addSchemed(ids, child(e, CBC, "CompanyID"));
                    case "PartyTaxScheme" -> {
                        String vat = text(child(e, CBC, "CompanyID"));
                        String scheme = text(child(child(e, CAC, "TaxScheme"), CBC, "ID"));
                        if (vat != null && "VAT".equalsIgnoreCase(scheme)) {
                            ids.add("VA:" + vat);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return ids;
    }

    private static void addSchemed(List<String> ids, Element idElement) {
        String value = text(idElement);
        String scheme = idElement == null ? "" : idElement.getAttribute("schemeID").trim();
        if (value != null && !scheme.isEmpty()) {
            ids.add(scheme + ":" + value);
        }
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
