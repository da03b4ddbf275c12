package io.silkgate.schemas.ubl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.UblSchemaValidator;
import io.silkgate.schemas.en16931.ConversionResult;
import io.silkgate.schemas.en16931.DroppedTerm;
import io.silkgate.schemas.en16931.En16931Terms;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceConverter;
import io.silkgate.schemas.en16931.InvoiceFormat;
import io.silkgate.schemas.en16931.InvoiceFormats;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class UblInvoiceFormatTest {

    @Test
    void everyUblProfileIsRegisteredOnceThroughServiceLoader() {
        for (String id : List.of("ubl", "peppol-bis3", "pint-sg", "pint-my", "pint-ae")) {
            InvoiceFormat format = InvoiceFormats.byId(id).orElseThrow(() -> new AssertionError(id));
            assertTrue(format.canRead() && format.canWrite(), id);
            assertSame(format, InvoiceFormats.byId(id).orElseThrow(), "formats are cached");
            assertEquals(1, InvoiceFormats.all().stream().filter(f -> f.formatId().equals(id)).count(), id);
        }
    }

    @Test
    void convertingToPintSingaporeReportsTheReplacedSpecificationIdentifier() {
        // a seller registered for Singapore GST, so that its VAT categories have GST counterparts
        byte[] singaporeSeller = UblSamples.text(UblSamples.bytes("rich-invoice.xml")).replaceFirst(
                "<cbc:IdentificationCode>NL</cbc:IdentificationCode>", "<cbc:IdentificationCode>SG</cbc:IdentificationCode>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ConversionResult result = new InvoiceConverter().convert(UblSamples.root(singaporeSeller), "ubl", "pint-sg");
        Element out = UblSamples.root(result.document());

        assertEquals(List.of(), new UblSchemaValidator().validate(out));
        assertEquals(List.of(
                new DroppedTerm("BT-23", "pint-sg replaces the business process type "
                        + "'urn:silkgate:process:trade-1' (BT-23) with 'urn:peppol:bis:billing'"),
                new DroppedTerm("BT-24", "pint-sg replaces the specification identifier "
                        + "'urn:cen.eu:en16931:2017' (BT-24) with 'urn:peppol:pint:billing-1@sg-1'")),
                result.report().dropped());
        Invoice back = new UblInvoiceReader().read(out);
        assertEquals("urn:peppol:pint:billing-1@sg-1", back.processControl().specificationIdentifier());
        assertEquals(result.report().carried().size() + 2, back.presentTerms().size());
    }

    @Test
    void aTargetWithoutAttachmentsDropsExactlyTheAttachmentTerms() {
        InvoiceFormat noAttachments = new UblInvoiceFormat(UblProfile.EN16931) {
            @Override
            public String formatId() {
                return "ubl-without-attachments";
            }

            @Override
            public Set<String> writableTerms() {
                return En16931Terms.allExcept("BT-125", "BT-125-1", "BT-125-2");
            }
        };
        ConversionResult result = new InvoiceConverter(List.of(new UblInvoiceFormat.Ubl(), noAttachments))
                .convert(UblSamples.root("rich-invoice.xml"), "ubl", "ubl-without-attachments");

        assertEquals(List.of(new DroppedTerm("BT-125", "ubl-without-attachments has no place for BT-125"),
                new DroppedTerm("BT-125-1", "ubl-without-attachments has no place for BT-125-1"),
                new DroppedTerm("BT-125-2", "ubl-without-attachments has no place for BT-125-2")),
                result.report().dropped());
        Invoice source = new UblInvoiceReader().read(UblSamples.root("rich-invoice.xml"));
        assertEquals(source.presentTerms().size() - 3, result.report().carried().size());
        assertTrue(result.report().carried().containsAll(List.of("BG-24", "BT-122", "BT-124", "BT-21", "BT-114")));
    }

    @Test
    void plainUblKeepsAnEn16931CiusButClaimsEn16931ForAnythingElse() {
        InvoiceConverter converter = new InvoiceConverter();
        ConversionResult peppol = converter.convert(UblSamples.root("credit-note.xml"), "peppol-bis3", "ubl");
        assertTrue(peppol.report().lossless(), () -> peppol.report().dropped().toString());

        byte[] pint = InvoiceFormats.byId("pint-ae").orElseThrow()
                .write(new UblInvoiceReader().read(UblSamples.root("credit-note.xml")));
        ConversionResult back = converter.convert(UblSamples.root(pint), "pint-ae", "ubl");
        assertEquals(List.of("BT-24"), back.report().dropped().stream().map(DroppedTerm::term).toList());
        assertEquals("urn:cen.eu:en16931:2017", new UblInvoiceReader().read(UblSamples.root(back.document()))
                .processControl().specificationIdentifier());
    }
}
