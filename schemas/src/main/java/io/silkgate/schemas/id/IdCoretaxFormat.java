package io.silkgate.schemas.id;

import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceFormat;
import io.silkgate.schemas.id.jaxb.ObjectFactory;
import io.silkgate.schemas.national.JaxbIo;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The Indonesian Coretax e-Faktur import file id-coretax (TaxInvoiceBulk), written through our own XSD and its JAXB
 * bindings. The file is what a taxpayer uploads to Coretax; the gateway never reads one.
 */
public final class IdCoretaxFormat implements InvoiceFormat {

    /** The catalogue id. */
    public static final String ID = "id-coretax";

    private static final JaxbIo JAXB = new JaxbIo(ObjectFactory.class, "TaxInvoice.xsd");

    // What the import file can hold. It has no invoice totals, VAT breakdown or document charges (Coretax computes
    // VAT per line), no payment data, notes, references, seller name or addresses, and no delivery or attachments.
    private static final Set<String> WRITABLE = Set.of(
            "BT-1", "BT-2", "BT-3", "BT-5",
            "BG-4", "BT-31",
            "BG-7", "BT-44", "BT-48",
            "BG-8", "BT-50", "BT-51", "BT-163", "BT-52", "BT-53", "BT-54", "BT-55",
            "BG-9", "BT-58",
            "BG-20", "BT-92",
            "BG-25", "BT-129", "BT-130", "BT-131",
            "BG-27", "BT-136",
            "BG-29", "BT-146",
            "BG-30", "BT-151", "BT-152",
            "BG-31", "BT-153", "BT-158");

    @Override
    public String formatId() {
        return ID;
    }

    @Override
    public boolean canRead() {
        return false;
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    /** Always refused: the import file goes to Coretax; nothing sends one to the gateway. */
    @Override
    public Invoice read(Element root) {
        throw new UnsupportedOperationException("id-coretax is an upload file for Coretax; Silkgate only writes it");
    }

    @Override
    public byte[] write(Invoice invoice) {
        return JAXB.write(new ObjectFactory().createTaxInvoiceBulk(new IdCoretaxWriter().write(invoice)));
    }

    @Override
    public Set<String> writableTerms() {
        return WRITABLE;
    }

    @Override
    public String droppedReason(String term) {
        return "id-coretax (TaxInvoiceBulk) has no element for " + term;
    }
}
