package io.silkgate.schemas;

import java.util.List;
import java.util.Optional;

/** The format ids that users and partner systems rely on (CONTRACT.md §3), in one place. */
public final class FormatCatalogue {

    private static final String XML = "application/xml";
    private static final String JSON = "application/json";

    private static final List<Format> ALL = List.of(
            invoice("ubl", "OASIS UBL 2.1 Invoice / CreditNote, EN 16931", true, true),
            invoice("cii", "UN/CEFACT CII D16B CrossIndustryInvoice, EN 16931", true, true),
            invoice("peppol-bis3", "UBL with Peppol BIS Billing 3.0 rules", true, true),
            invoice("pint-sg", "UBL with Peppol PINT Singapore rules", true, true),
            invoice("pint-my", "UBL with Peppol PINT Malaysia rules", true, true),
            invoice("pint-ae", "UBL with Peppol PINT UAE rules", true, true),
            invoice("vn-tt78", "Vietnam e-invoice HDon (Circular 78/2021, Decree 123/2020)", true, true),
            invoice("cn-fapiao", "China fully digitalised e-invoice XML (EInvoice)", true, false),
            invoice("id-coretax", "Indonesia Coretax e-Faktur import XML (TaxInvoiceBulk)", false, true),
            new Format("dcsa-td3", Format.Family.BILL_OF_LADING, "DCSA eBL 3.0 TransportDocument JSON", true, true, JSON),
            new Format("dcsa-pint3", Format.Family.BILL_OF_LADING, "DCSA PINT 3.0 envelope (title transfer)", true, true, JSON),
            new Format("iftmcs", Format.Family.BILL_OF_LADING, "UN/EDIFACT IFTMCS D99B (data copy, never title)", false, true,
                    "application/EDIFACT"),
            new Format("fiata-efbl", Format.Family.BILL_OF_LADING, "FIATA eFBL JSON (data copy)", false, true, JSON));

    private FormatCatalogue() {
    }

    public static List<Format> all() {
        return ALL;
    }

    public static Optional<Format> byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The format with this id; an unknown id is a programming error here (user input goes through {@link #byId}). */
    public static Format require(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown format id: " + id));
    }

    private static Format invoice(String id, String description, boolean in, boolean out) {
        return new Format(id, Format.Family.INVOICE, description, in, out, XML);
    }
}
