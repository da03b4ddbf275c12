package io.silkgate.schemas.en16931;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.SamplePki;
import io.silkgate.schemas.SecureXml;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElectronicAddressesTest {

    private static Invoice exportFapiao() {
        return InvoiceFormats.byId("cn-fapiao").orElseThrow()
                .read(SecureXml.parse(SamplePki.document("fapiao-cn-sg-export.xml")).getDocumentElement());
    }

    @Test
    void readsAddressesWrittenWithTheirScheme() {
        assertEquals(Identifier.of("SGUEN201912345K", "0195"), ElectronicAddresses.parse("0195:SGUEN201912345K")
                .orElseThrow());
        assertTrue(ElectronicAddresses.parse("SGUEN201912345K").isEmpty());
        assertTrue(ElectronicAddresses.parse(":x").isEmpty());
        assertTrue(ElectronicAddresses.parse("0195:").isEmpty());
    }

    @Test
    void fillsInMissingAddressesByPartyIdOrBuyerName() {
        Invoice filled = new ElectronicAddresses(Map.of(
                "VA:CN91310115MA1H7Q2K0G", Identifier.of("seller", "0088"),
                "name:Lion City Example Trading Pte. Ltd.", Identifier.of("buyer", "0195"))).fillIn(exportFapiao());

        assertEquals(Identifier.of("seller", "0088"), filled.seller().electronicAddress());
        assertEquals(Identifier.of("buyer", "0195"), filled.buyer().electronicAddress());
    }

    @Test
    void leavesAnInvoiceAloneWhenTheDirectoryDoesNotKnowItsParties() {
        Invoice invoice = exportFapiao();
        assertSame(invoice, new ElectronicAddresses(Map.of("VA:DE123456789", Identifier.of("x", "0088")))
                .fillIn(invoice));
        assertSame(invoice, ElectronicAddresses.NONE.fillIn(invoice));
    }
}
