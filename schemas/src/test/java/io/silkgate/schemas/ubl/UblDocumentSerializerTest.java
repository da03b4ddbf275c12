package io.silkgate.schemas.ubl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.helger.diagnostics.error.list.ErrorList;
import com.helger.ubl21.UBL21Marshaller;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.cii.CiiInvoiceReader;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.ProcessControl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import org.junit.jupiter.api.Test;

/**
 * The UBL writer's bytes are those ph-ubl's {@code UBL21Marshaller} (formatted output) writes for the same JAXB tree,
 * which is how UblInvoiceWriter serialised before {@link UblDocumentSerializer} replaced it: for every sample, every
 * profile and text that needs escaping.
 */
class UblDocumentSerializerTest {

    private static final List<String> CII_FILES = List.of("rich-invoice.xml", "credit-note.xml",
            "allowances-charges.xml", "several-vat-rates.xml", "attachments.xml");
    // every character the two escaping rules treat specially, plus some that pass as they are
    private static final String AWKWARD_TEXT = "a &amp; b &lt; c &gt; d \" ' &#9;tab&#10;line&#13;cr&#13;&#10;crlf "
            + "\u007f\u0080\u0085\u009f\u00a0 \u2028 \u00e9\u4e2d\ud83d\ude00 ]]&gt; &amp;amp;";
    private static final String AWKWARD_ATTRIBUTE = "a &amp; b &lt; c &gt; d &quot; ' &#9;t&#10;n&#13;r \u0085\u00e9";

    @Test
    void everySampleUnderEveryProfileIsWrittenAsPhUblWroteIt() {
        List<Invoice> invoices = new ArrayList<>();
        for (String file : UblSamples.FILES) {
            invoices.add(new UblInvoiceReader().read(UblSamples.root(file)));
        }
        for (String file : CII_FILES) {
            invoices.add(new CiiInvoiceReader().read(SecureXml.parse(resource("/samples/cii/" + file))
                    .getDocumentElement()));
        }
        invoices.add(UblSamples.generated(250));
        int compared = 0;
        for (Invoice invoice : invoices) {
            for (UblProfile profile : UblProfile.ALL) {
                try {
                    compared += assertSameBytes(invoice, profile) ? 1 : 0;
                } catch (DocumentRejectedException e) {
                    // the profile refuses this invoice (PINT SG and a seller outside Singapore): nothing is written
                }
            }
        }
        assertTrue(compared >= invoices.size() * 3, "most sample/profile pairs are writable: " + compared);
    }

    @Test
    void escapingOfTextAndAttributesIsUnchanged() {
        String xml = new String(UblSamples.bytes("rich-invoice.xml"), StandardCharsets.UTF_8)
                .replace("Thank you for your business.", AWKWARD_TEXT)
                .replace("filename=\"timesheet-02.pdf\"", "filename=\"" + AWKWARD_ATTRIBUTE + "\"")
                .replace("schemeID=\"AAJ\"", "schemeID=\"x&gt;y&amp;z\"");
        Invoice invoice = new UblInvoiceReader().read(UblSamples.root(xml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(invoice.notes().stream().anyMatch(note -> note.note().contains("\r")), "the CR reached the model");
        assertTrue(assertSameBytes(invoice, UblProfile.EN16931));
        String written =
                new String(new UblInvoiceWriter().write(invoice, UblProfile.EN16931), StandardCharsets.UTF_8);
        assertTrue(written.contains(
                "a &amp; b &lt; c &gt; d \" ' \ttab\nline&#xD;cr&#xD;\ncrlf &#x7F;&#x80;&#x85;&#x9F;"), written);
        assertTrue(written.contains(
                "filename=\"a &amp; b &lt; c > d &quot; ' &#x9;t&#xA;n&#xD;r \u0085\u00e9\""), written);
    }

    @Test
    void anEmptyValueIsWrittenAsBefore() {
        Invoice invoice = UblSamples.generated(2).withProcessControl(new ProcessControl("", "urn:cen.eu:en16931:2017"));
        assertTrue(assertSameBytes(invoice, UblProfile.EN16931));
    }

    @Test
    void anInvoiceThatBreaksTheSchemaIsRefusedAsBefore() {
        Invoice valid = UblSamples.generated(3);
        Invoice withoutNumber = new UblInvoiceReader().read(UblSamples.root(new String(
                new UblInvoiceWriter().write(valid, UblProfile.EN16931), StandardCharsets.UTF_8)
                .replaceFirst("<cbc:ID>[^<]*</cbc:ID>", "<cbc:ID> </cbc:ID>").getBytes(StandardCharsets.UTF_8)));
        ErrorList errors = new ErrorList();
        Object document = UblInvoiceWriter.document(withoutNumber, UblProfile.EN16931);
        assertNull(UblDocumentSerializer.INVOICE.toBytes((InvoiceType) document, errors));
        assertTrue(!errors.isEmpty(), "the violation is reported");
        assertNull(UBL21Marshaller.invoice().setFormattedOutput(true).setCollectErrors(new ErrorList())
                .getAsBytes((InvoiceType) document), "ph-ubl refuses it too");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new UblInvoiceWriter().write(withoutNumber, UblProfile.EN16931));
        assertTrue(refused.getMessage().contains("cannot be written as valid UBL 2.1: "), refused.getMessage());
    }

    @Test
    void threadsWritingAtOnceGetTheBytesOfAWriterAlone() throws Exception {
        List<Invoice> invoices = new ArrayList<>();
        for (String file : UblSamples.FILES) {
            invoices.add(new UblInvoiceReader().read(UblSamples.root(file)));
        }
        invoices.add(UblSamples.generated(40));
        UblInvoiceWriter writer = new UblInvoiceWriter();
        List<byte[]> alone = invoices.stream().map(invoice -> writer.write(invoice, UblProfile.PEPPOL_BIS3)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int task = 0; task < 16; task++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        for (int i = 0; i < invoices.size(); i++) {
                            if (!Arrays.equals(alone.get(i), writer.write(invoices.get(i), UblProfile.PEPPOL_BIS3))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertTrue(run.get(2, TimeUnit.MINUTES), "a concurrent write differed from the one written alone");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether the pair could be written at all (both ways agree on that too). */
    private static boolean assertSameBytes(Invoice invoice, UblProfile profile) {
        Object document = UblInvoiceWriter.document(invoice, profile);
        byte[] before;
        byte[] after;
        if (document instanceof CreditNoteType creditNote) {
            before = UBL21Marshaller.creditNote().setFormattedOutput(true).setCollectErrors(new ErrorList())
                    .getAsBytes(creditNote);
            after = UblDocumentSerializer.CREDIT_NOTE.toBytes(creditNote, new ErrorList());
        } else {
            InvoiceType ublInvoice = (InvoiceType) document;
            before = UBL21Marshaller.invoice().setFormattedOutput(true).setCollectErrors(new ErrorList())
                    .getAsBytes(ublInvoice);
            after = UblDocumentSerializer.INVOICE.toBytes(ublInvoice, new ErrorList());
        }
        String what = invoice.invoiceNumber() + " as " + profile.formatId();
        if (before == null) {
            assertNull(after, what + ": ph-ubl refused it, so must we");
            return false;
        }
        assertNotNull(after, what);
        assertArrayEquals(before, after, () -> what + " differs:\n--- ph-ubl\n"
                + new String(before, StandardCharsets.UTF_8) + "\n--- ours\n"
                + new String(after, StandardCharsets.UTF_8));
        return true;
    }

    private static byte[] resource(String path) {
        try (InputStream in = UblDocumentSerializerTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test sample " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
