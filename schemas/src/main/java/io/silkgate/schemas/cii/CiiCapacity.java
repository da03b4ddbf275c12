package io.silkgate.schemas.cii;

import io.silkgate.schemas.en16931.DroppedTerm;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceLine;
import io.silkgate.schemas.en16931.PrecedingInvoiceReference;
import io.silkgate.schemas.en16931.PriceDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of one invoice that CII D16B cannot hold although it has a place for their term: a second preceding
 * invoice reference, or a term whose container the invoice lacks. The conversion report lists them as dropped.
 */
final class CiiCapacity {

    private static final String ONE_PRECEDING_INVOICE =
            CiiInvoiceFormat.ID + " (D16B) holds one preceding invoice reference; not written: ";
    private static final String NO_VAT_BREAKDOWN = " is written on each VAT breakdown (BG-23) and the invoice has none";

    private CiiCapacity() {
    }

    /** One entry per value (and per group instance) that {@link CiiInvoiceWriter} does not write. */
    static List<DroppedTerm> droppedInstances(Invoice invoice) {
        List<DroppedTerm> dropped = new ArrayList<>();
        List<PrecedingInvoiceReference> preceding = invoice.precedingInvoiceReferences();
        for (PrecedingInvoiceReference extra : preceding.subList(Math.min(1, preceding.size()), preceding.size())) {
            String reason = ONE_PRECEDING_INVOICE + "'" + extra.reference() + "'";
            if (extra.reference() == null && extra.issueDate() == null) {
                continue;
            }
            dropped.add(new DroppedTerm("BG-3", reason));
            if (extra.reference() != null) {
                dropped.add(new DroppedTerm("BT-25", reason));
            }
            if (extra.issueDate() != null) {
                dropped.add(new DroppedTerm("BT-26", reason));
            }
        }
        if (invoice.vatBreakdown().isEmpty()) {
            if (invoice.vatPointDate() != null) {
                dropped.add(new DroppedTerm("BT-7", CiiInvoiceFormat.ID + ": BT-7" + NO_VAT_BREAKDOWN));
            }
            if (invoice.vatPointDateCode() != null) {
                dropped.add(new DroppedTerm("BT-8", CiiInvoiceFormat.ID + ": BT-8" + NO_VAT_BREAKDOWN));
            }
        }
        for (InvoiceLine line : invoice.lines()) {
            PriceDetails price = line.priceDetails();
            if (price == null) {
                continue;
            }
            String where = CiiInvoiceFormat.ID + ": line " + line.identifier() + " has ";
            boolean anyPrice = price.itemNetPrice() != null || CiiInvoiceWriter.grossPrice(price) != null;
            if (CiiInvoiceWriter.grossPrice(price) == null && price.itemPriceDiscount() != null) {
                dropped.add(new DroppedTerm("BT-147", where + "neither gross nor net price to carry the discount"));
            }
            if (price.itemPriceBaseQuantity() != null && !anyPrice) {
                dropped.add(new DroppedTerm("BT-149", where + "no price to carry the base quantity"));
            }
            if (price.itemPriceBaseQuantityUnitCode() != null && (price.itemPriceBaseQuantity() == null || !anyPrice)) {
                dropped.add(new DroppedTerm("BT-150", where + "no base quantity to carry the unit"));
            }
        }
        return dropped;
    }
}
