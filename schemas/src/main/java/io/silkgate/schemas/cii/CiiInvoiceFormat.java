package io.silkgate.schemas.cii;

import io.silkgate.schemas.en16931.DroppedTerm;
import io.silkgate.schemas.en16931.En16931Terms;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceFormat;
import io.silkgate.schemas.en16931.ProcessControl;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/** The catalogue format {@code cii}: UN/CEFACT CII D16B CrossIndustryInvoice (EN 16931 binding), read and write. */
public final class CiiInvoiceFormat implements InvoiceFormat {

    /** The catalogue id. */
    public static final String ID = "cii";

    // CII is one of the two syntaxes EN 16931 was bound to: every term has a place (BG-3 once only, see CiiCapacity).
    private static final Set<String> WRITABLE = En16931Terms.all();

    private final CiiInvoiceReader reader = new CiiInvoiceReader();
    private final CiiInvoiceWriter writer = new CiiInvoiceWriter();

    @Override
    public String formatId() {
        return ID;
    }

    @Override
    public boolean canRead() {
        return true;
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public Invoice read(Element root) {
        return reader.read(root);
    }

    private static final String EN16931 = "urn:cen.eu:en16931:2017";

    @Override
    public byte[] write(Invoice invoice) {
        return writer.write(prepare(invoice));
    }

    /**
     * The invoice as CII writes it: a specification identifier (BT-24) is required, so an invoice that claims
     * none, or one outside EN 16931 (from a national format), claims plain EN 16931.
     */
    @Override
    public Invoice prepare(Invoice invoice) {
        ProcessControl current = invoice.processControl();
        String spec = current == null ? null : current.specificationIdentifier();
        if (spec != null && spec.startsWith(EN16931)) {
            return invoice;
        }
        return invoice.withProcessControl(new ProcessControl(current == null ? null : current.businessProcessType(),
                EN16931));
    }

    @Override
    public Set<String> writableTerms() {
        return WRITABLE;
    }

    /**
     * Values of this invoice that CII cannot hold although {@link #writableTerms()} names their term: preceding
     * invoice references after the first (D16B has one), BT-7/BT-8 without a VAT breakdown, price parts without a
     * price to attach them to.
     */
    @Override
    public List<DroppedTerm> droppedInstances(Invoice invoice) {
        return CiiCapacity.droppedInstances(invoice);
    }
}
