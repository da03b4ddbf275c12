package io.silkgate.schemas.ubl;

import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.en16931.BinaryObject;
import io.silkgate.schemas.en16931.Buyer;
import io.silkgate.schemas.en16931.DocumentTotals;
import io.silkgate.schemas.en16931.Identifier;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceLine;
import io.silkgate.schemas.en16931.ItemInformation;
import io.silkgate.schemas.en16931.LineVatInformation;
import io.silkgate.schemas.en16931.PostalAddress;
import io.silkgate.schemas.en16931.PriceDetails;
import io.silkgate.schemas.en16931.ProcessControl;
import io.silkgate.schemas.en16931.Seller;
import io.silkgate.schemas.en16931.SupportingDocument;
import io.silkgate.schemas.en16931.VatBreakdown;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** Loads the hand-written UBL test documents and builds generated ones. */
final class UblSamples {

    static final List<String> FILES = List.of("rich-invoice.xml", "credit-note.xml", "vat-categories.xml");

    private UblSamples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = UblSamples.class.getResourceAsStream("/samples/ubl/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Element root(String name) {
        return SecureXml.parse(bytes(name)).getDocumentElement();
    }

    static Element root(byte[] xml) {
        return SecureXml.parse(xml).getDocumentElement();
    }

    static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }

    /** The invoice with its seller moved to Singapore (registered for GST, as its VAT identifier says). */
    static Invoice inSingapore(Invoice invoice) {
        Seller s = invoice.seller();
        PostalAddress singapore = new PostalAddress("1 Example Quay", null, null, "Singapore", "049321", null, "SG");
        return invoice.withParties(new Seller(s.name(), s.tradingName(), s.identifiers(),
                s.legalRegistrationIdentifier(), s.vatIdentifier(), s.taxRegistrationIdentifier(),
                s.additionalLegalInformation(), s.electronicAddress(), singapore, s.contact()), invoice.buyer(),
                invoice.sellerTaxRepresentative());
    }

    /** An invoice with {@code lineCount} lines at two VAT rates, whose totals add up. */
    static Invoice generated(int lineCount) {
        List<InvoiceLine> lines = new ArrayList<>(lineCount);
        BigDecimal standardBase = BigDecimal.ZERO.setScale(2);
        BigDecimal reducedBase = BigDecimal.ZERO.setScale(2);
        for (int i = 1; i <= lineCount; i++) {
            boolean standard = i % 3 != 0;
            BigDecimal quantity = BigDecimal.valueOf(i % 7 + 1);
            BigDecimal price = new BigDecimal("1.25").add(BigDecimal.valueOf(i % 50));
            BigDecimal net = quantity.multiply(price).setScale(2);
            if (standard) {
                standardBase = standardBase.add(net);
            } else {
                reducedBase = reducedBase.add(net);
            }
            lines.add(new InvoiceLine(Integer.toString(i), null, null, quantity, "C62", net, null, null, null,
                    null, null, new PriceDetails(price, null, null, null, null),
                    new LineVatInformation("S", standard ? new BigDecimal("20") : new BigDecimal("5")),
                    new ItemInformation("Container part " + i, null, "PART-" + i, null, null, null, "CN", null)));
        }
        BigDecimal standardVat = standardBase.multiply(new BigDecimal("0.20")).setScale(2);
        BigDecimal reducedVat = reducedBase.multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal lineTotal = standardBase.add(reducedBase);
        BigDecimal vat = standardVat.add(reducedVat);
        PostalAddress shanghai = new PostalAddress("88 Century Avenue", null, null, "Shanghai", "200120", null, "CN");
        PostalAddress hamburg = new PostalAddress("Hafenstrasse 1", null, null, "Hamburg", "20457", null, "DE");
        return new Invoice("GEN-" + lineCount, LocalDate.of(2024, 6, 1), "380", "EUR", null, null, null,
                LocalDate.of(2024, 7, 1), "GEN-BUYER", null, null, null, null, null, null, null, null, null, null,
                null, new ProcessControl("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0",
                        "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"),
                null,
                new Seller("Shanghai Parts Export Co., Ltd.", null, List.of(Identifier.of("91310000MA1FL0001X", "0199")),
                        null, "DE999999999", null, null, Identifier.of("exports@sh-parts.example", "EM"), shanghai,
                        null),
                new Buyer("Hamburg Machinery GmbH", null, null, null, "DE123456788",
                        Identifier.of("ap@hh-machinery.example", "EM"), hamburg, null),
                null, null, null, null, null, null, null,
                new DocumentTotals(lineTotal, null, null, lineTotal, vat, null, lineTotal.add(vat), null, null,
                        lineTotal.add(vat)),
                List.of(new VatBreakdown(standardBase, standardVat, "S", new BigDecimal("20"), null, null),
                        new VatBreakdown(reducedBase, reducedVat, "S", new BigDecimal("5"), null, null)),
                List.of(new SupportingDocument("PACKING-" + lineCount, "Packing list", null,
                        new BinaryObject("part,qty\n".getBytes(StandardCharsets.UTF_8), "text/csv", "packing.csv"))),
                lines);
    }
}
