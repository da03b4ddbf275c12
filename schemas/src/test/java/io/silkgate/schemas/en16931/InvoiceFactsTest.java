package io.silkgate.schemas.en16931;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.SamplePki;
import io.silkgate.schemas.DocumentFacts;
import io.silkgate.schemas.SecureXml;
import org.junit.jupiter.api.Test;

class InvoiceFactsTest {

    @Test
    void theSampleInvoiceIsRoutedByItsSellerAndBuyerCountries() {
        Invoice invoice = InvoiceFormats.byId("ubl").orElseThrow()
                .read(SecureXml.parse(SamplePki.document("invoice-cn-vn.xml")).getDocumentElement());
        DocumentFacts facts = InvoiceFacts.of("ubl", invoice);
        assertEquals("invoice", facts.documentType());
        assertEquals("CN-SZ-2026-0001", facts.businessId());
        assertEquals("CN", facts.sellerCountry());
        assertEquals("VN", facts.buyerCountry());
        assertTrue(facts.issuerParties().contains("VA:CN91440300MA5G00017X"), facts.issuerParties().toString());
    }
}
