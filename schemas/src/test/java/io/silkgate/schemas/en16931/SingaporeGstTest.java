package io.silkgate.schemas.en16931;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.SamplePki;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.ubl.UblInvoiceReader;
import io.silkgate.schemas.validation.InvoiceValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SingaporeGstTest {

    private static final InvoiceValidator VALIDATOR = new InvoiceValidator();
    private static final ElectronicAddresses DIRECTORY = new ElectronicAddresses(Map.of(
            "VA:CN91310115MA1H7Q2K0G", Identifier.of("5493001KJTIIGC8Y1R12", "0199"),
            "name:Lion City Example Trading Pte. Ltd.", Identifier.of("SGUEN201912345K", "0195")));

    private static Element sample(String resource) {
        try (InputStream in = SingaporeGstTest.class.getResourceAsStream(resource)) {
            return SecureXml.parse(in.readAllBytes()).getDocumentElement();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Element exportFapiao() {
        return SecureXml.parse(SamplePki.document("fapiao-cn-sg-export.xml")).getDocumentElement();
    }

    private static Set<String> categories(Invoice invoice) {
        Set<String> codes = invoice.vatBreakdown().stream().map(VatBreakdown::categoryCode).collect(Collectors.toSet());
        invoice.lines().forEach(l -> codes.add(l.vatInformation().invoicedItemVatCategoryCode()));
        return codes;
    }

    @Test
    void aZeroRatedExportFapiaoBecomesAValidPintSgInvoiceOfANonRegisteredSupplier() {
        ConversionResult result = new InvoiceConverter(DIRECTORY).convert(exportFapiao(), "cn-fapiao", "pint-sg");

        List<Problem> errors = VALIDATOR.validate("pint-sg", SecureXml.parse(result.document()));
        assertEquals(List.of(), errors);
        Invoice out = new UblInvoiceReader().read(SecureXml.parse(result.document()).getDocumentElement());
        assertEquals(Set.of("NG"), categories(out));
        assertEquals(1, out.vatBreakdown().size(), "BR-NG-11: one NG breakdown only");
        assertEquals(null, out.seller().vatIdentifier(), "BR-NG-02: no GST identifier");
        assertEquals("CN91310115MA1H7Q2K0G", out.seller().taxRegistrationIdentifier());
        assertEquals("0199", out.seller().electronicAddress().schemeId());
        assertEquals("SGUEN201912345K", out.buyer().electronicAddress().value());
        assertEquals("SG", out.buyer().postalAddress().countryCode(), "country read from the overseas address");
        assertEquals(List.of("BT-31"), result.report().dropped().stream().map(DroppedTerm::term).toList());
        assertFalse(result.report().carried().contains("BT-34"), "a directory address is not a source term");
    }

    @Test
    void withoutTheDirectoryThePintSgRulesAskForTheElectronicAddresses() {
        ConversionResult result = new InvoiceConverter().convert(exportFapiao(), "cn-fapiao", "pint-sg");

        Set<String> rules = VALIDATOR.validate("pint-sg", SecureXml.parse(result.document())).stream()
                .map(Problem::location).collect(Collectors.toSet());
        assertEquals(Set.of("ibr-080", "ibr-081"), rules);
    }

    @Test
    void aForeignSellerThatChargedVatCannotBeExpressedInPintSg() {
        Element domestic = SecureXml.parse(SamplePki.document("fapiao-cn.xml")).getDocumentElement();

        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> new InvoiceConverter(DIRECTORY).convert(domestic, "cn-fapiao", "pint-sg"));
        assertEquals(ErrorCode.RULES_INVALID, e.code());
        assertEquals(SingaporeGst.RULE_FOREIGN_TAX, e.problems().get(0).location());
        assertTrue(e.getMessage().contains("country CN"), e.getMessage());
    }

    @Test
    void pintSgCategoriesBecomeEn16931CodesInCiiAndComeBackUnchanged() {
        Element pintSg = sample("/samples/validation/pint-sg-invoice.xml");
        InvoiceConverter converter = new InvoiceConverter();

        ConversionResult cii = converter.convert(pintSg, "pint-sg", "cii");
        assertEquals(List.of(), VALIDATOR.validate("cii", SecureXml.parse(cii.document())));
        Invoice model = InvoiceFormats.byId("cii").orElseThrow()
                .read(SecureXml.parse(cii.document()).getDocumentElement());
        assertEquals(Set.of("S"), categories(model));
        assertTrue(model.seller().vatIdentifier().startsWith("SG"), "BR-CO-09 wants the country prefix");

        ConversionResult back = converter.convert(SecureXml.parse(cii.document()).getDocumentElement(), "cii",
                "pint-sg");
        assertEquals(List.of(), VALIDATOR.validate("pint-sg", SecureXml.parse(back.document())));
        Invoice again = new UblInvoiceReader().read(SecureXml.parse(back.document()).getDocumentElement());
        Invoice original = new UblInvoiceReader().read(pintSg);
        assertEquals(categories(original), categories(again));
        assertEquals(original.seller().vatIdentifier(), again.seller().vatIdentifier());
    }

    @Test
    void aCategoryWithoutGstCounterpartIsRefusedByName() {
        Invoice invoice = new UblInvoiceReader().read(sample("/samples/validation/pint-sg-invoice.xml"));
        Invoice canary = invoice.withVatParts(invoice.allowances(), invoice.charges(),
                invoice.vatBreakdown().stream().map(b -> new VatBreakdown(b.taxableAmount(), b.taxAmount(), "L",
                        b.rate(), null, null)).toList(), invoice.lines());

        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> SingaporeGst.toPintSg(canary));
        assertEquals(SingaporeGst.RULE_NO_CATEGORY, e.problems().get(0).location());
        assertTrue(e.getMessage().contains("VAT category L"), e.getMessage());
    }
}
