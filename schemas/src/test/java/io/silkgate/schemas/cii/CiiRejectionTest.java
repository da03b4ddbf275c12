package io.silkgate.schemas.cii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.en16931.Invoice;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** What the CII reader and writer refuse, with which contract code, and that reading leaves the DOM alone. */
class CiiRejectionTest {

    private final CiiInvoiceReader reader = new CiiInvoiceReader();

    private static Element edited(String from, String to) {
        String xml = new String(CiiSamples.bytes(CiiSamples.CREDIT_NOTE), StandardCharsets.UTF_8);
        assertTrue(xml.contains(from), "sample must contain " + from);
        return CiiSamples.root(xml.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aUblInvoiceIsAnUnknownFormatForCii() {
        Element ubl = CiiSamples.root(("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">"
                + "<ID xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">1</ID>"
                + "</Invoice>").getBytes(StandardCharsets.UTF_8));
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> reader.read(ubl));
        assertEquals(ErrorCode.UNKNOWN_FORMAT, e.code());
    }

    @Test
    void aCrossIndustryInvoiceInAnotherNamespaceIsAnUnknownFormat() {
        Element wrongNamespace = edited("urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
                "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:99");
        assertEquals(ErrorCode.UNKNOWN_FORMAT,
                assertThrows(DocumentRejectedException.class, () -> reader.read(wrongNamespace)).code());
    }

    @Test
    void anElementOutsideTheD16bSchemaIsSchemaInvalidWithItsLocation() {
        Element invalid = edited("<ram:BuyerReference>RET-55</ram:BuyerReference>",
                "<ram:BuyerReference>RET-55</ram:BuyerReference><ram:Nickname>x</ram:Nickname>");
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> reader.read(invalid));
        assertEquals(ErrorCode.SCHEMA_INVALID, e.code());
        assertFalse(e.problems().isEmpty());
        assertTrue(e.problems().get(0).message().contains("Nickname"), e.problems().get(0).message());
        assertTrue(String.valueOf(e.problems().get(0).location()).endsWith("/ram:Nickname[1]"),
                e.problems().get(0).location());
    }

    @Test
    void aMissingInvoiceNumberIsSchemaInvalid() {
        Element invalid = edited("<ram:ID>CN-2026-0007</ram:ID>", "");
        assertEquals(ErrorCode.SCHEMA_INVALID,
                assertThrows(DocumentRejectedException.class, () -> reader.read(invalid)).code());
    }

    @Test
    void aDateFormatOtherThan102IsRejectedNamingTheTerm() {
        Element otherFormat = edited("<udt:DateTimeString format=\"102\">20260502</udt:DateTimeString>",
                "<udt:DateTimeString format=\"203\">202605021200</udt:DateTimeString>");
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> reader.read(otherFormat));
        assertEquals(ErrorCode.SCHEMA_INVALID, e.code());
        assertEquals("BT-2", e.problems().get(0).location());
    }

    @Test
    void aDateThatIsNotCcyymmddIsRejected() {
        Element badDate = edited("<udt:DateTimeString format=\"102\">20260502</udt:DateTimeString>",
                "<udt:DateTimeString format=\"102\">2026-05-02</udt:DateTimeString>");
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> reader.read(badDate));
        assertEquals(ErrorCode.SCHEMA_INVALID, e.code());
        assertTrue(e.getMessage().contains("2026-05-02"), e.getMessage());
    }

    @Test
    void readingDoesNotTouchTheDom() {
        Element root = CiiSamples.root(CiiSamples.RICH);
        Element copy = (Element) root.cloneNode(true);
        reader.read(root);
        assertTrue(root.isEqualNode(copy));
    }

    @Test
    void writingAnInvoiceWithoutNumberAndDateFailsTheSchemaCheck() {
        Invoice complete = reader.read(CiiSamples.root(CiiSamples.CREDIT_NOTE));
        Invoice withoutHeader = new Invoice(null, null, complete.typeCode(), complete.currencyCode(), null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                complete.seller(), complete.buyer(), null, null, null, null, null, null, null, complete.totals(),
                complete.vatBreakdown(), null, complete.lines());
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> new CiiInvoiceWriter().write(withoutHeader));
        assertEquals(ErrorCode.SCHEMA_INVALID, e.code());
    }
}
