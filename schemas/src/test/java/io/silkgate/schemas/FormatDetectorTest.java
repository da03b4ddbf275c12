package io.silkgate.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatDetectorTest {

    private static final String INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    @ParameterizedTest
    @CsvSource({
        "urn:cen.eu:en16931:2017, ubl",
        "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0, peppol-bis3",
        "urn:peppol:pint:billing-1@sg-1, pint-sg",
        "urn:peppol:pint:billing-1@my-1, pint-my",
        "urn:peppol:pint:billing-1@ae-1, pint-ae",
        "urn:peppol:pint:billing-1@jp-1, ubl"
    })
    void tellsUblProfilesByCustomizationId(String customizationId, String expected) {
        String xml = "<Invoice xmlns=\"" + INVOICE + "\" xmlns:cbc=\"" + CBC + "\"><cbc:CustomizationID>"
                + customizationId + "</cbc:CustomizationID></Invoice>";
        assertEquals(Optional.of(expected), detect(xml));
    }

    @ParameterizedTest
    @CsvSource({
        "<rsm:CrossIndustryInvoice xmlns:rsm='urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100'/>, cii",
        "<CreditNote xmlns='urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2'/>, ubl",
        "<HDon><DLHDon/></HDon>, vn-tt78",
        "<EInvoice/>, cn-fapiao",
        "<TaxInvoiceBulk/>, id-coretax"
    })
    void tellsOtherRoots(String xml, String expected) {
        assertEquals(Optional.of(expected), detect(xml));
    }

    @ParameterizedTest
    @CsvSource({"<Invoice/>", "<Invoice xmlns='urn:other'/>", "<html/>"})
    void leavesUnknownDocumentsUnknown(String xml) {
        assertEquals(Optional.empty(), detect(xml));
    }

    private static Optional<String> detect(String xml) {
        return FormatDetector.detect(SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement());
    }
}
