package io.silkgate.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.SamplePki;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class UblFactsAndSchemaTest {

    private static final UblSchemaValidator SCHEMAS = new UblSchemaValidator();

    @Test
    void readsTheFactsOfTheSampleInvoice() {
        DocumentFacts facts = UblFacts.read("ubl", root(SamplePki.document("invoice-cn-vn.xml")));
        assertEquals("invoice", facts.documentType());
        assertEquals("CN-SZ-2026-0001", facts.businessId());
        assertEquals("CN", facts.sellerCountry());
        assertEquals("VN", facts.buyerCountry());
        assertTrue(facts.issuerParties().contains("VA:CN91440300MA5G00017X"), facts.issuerParties().toString());
    }

    @Test
    void takesOnlyTheSellersOwnIdentifiers() {
        String xml = """
                <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                  <cbc:ID>INV-1</cbc:ID>
                  <cac:AccountingSupplierParty><cac:Party>
                    <cbc:EndpointID schemeID="0088">5790000000001</cbc:EndpointID>
                    <cac:PartyIdentification><cbc:ID schemeID="0192">987654321</cbc:ID></cac:PartyIdentification>
                    <cac:PartyTaxScheme><cbc:CompanyID>DE123456789</cbc:CompanyID>
                      <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
                  </cac:Party></cac:AccountingSupplierParty>
                  <cac:AccountingCustomerParty><cac:Party>
                    <cac:PartyTaxScheme><cbc:CompanyID>VN0101234567</cbc:CompanyID>
                      <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
                  </cac:Party></cac:AccountingCustomerParty>
                </Invoice>
                """;
        DocumentFacts facts = UblFacts.read("ubl", root(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("0088:5790000000001", "0192:987654321", "VA:DE123456789"), facts.issuerParties());
        assertEquals(null, facts.sellerCountry());
    }

    @Test
    void theSampleInvoicesAreSchemaValid() {
        assertEquals(List.of(), SCHEMAS.validate(root(SamplePki.document("invoice-cn-vn.xml"))));
        assertEquals(List.of(), SCHEMAS.validate(root(SamplePki.document("invoice-cn-vn.signed.xml"))));
    }

    @Test
    void reportsSchemaViolationsWithTheirLocation() {
        String broken = new String(SamplePki.document("invoice-cn-vn.xml"), StandardCharsets.UTF_8)
                .replace("<cbc:IssueDate>", "<cbc:IssueDate>not-a-date");
        List<Problem> problems = SCHEMAS.validate(root(broken.getBytes(StandardCharsets.UTF_8)));
        assertFalse(problems.isEmpty());
        assertEquals("SCHEMA_INVALID", problems.get(0).code());
        assertTrue(problems.get(0).message().contains("not-a-date"), problems.get(0).message());
    }

    @Test
    void refusesElementsOutOfOrder() {
        String swapped = new String(SamplePki.document("invoice-cn-vn.xml"), StandardCharsets.UTF_8)
                .replaceFirst("(<cbc:ID>[^<]*</cbc:ID>)", "")
                .replace("</Invoice>", "<cbc:ID>LATE</cbc:ID></Invoice>");
        assertFalse(SCHEMAS.validate(root(swapped.getBytes(StandardCharsets.UTF_8))).isEmpty());
    }

    private static Element root(byte[] xml) {
        return SecureXml.parse(xml).getDocumentElement();
    }
}
