package io.silkgate.schemas.cii;

import io.silkgate.schemas.en16931.DocumentTotals;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceLine;
import io.silkgate.schemas.en16931.PrecedingInvoiceReference;
import io.silkgate.schemas.en16931.PriceDetails;
import java.util.ArrayList;
import java.util.List;

/** Copies of model records with one part replaced, for tests that need an invoice the samples do not contain. */
final class InvoiceCopies {

    private InvoiceCopies() {
    }

    static InvoiceLine withPrice(InvoiceLine line, PriceDetails price) {
        return new InvoiceLine(line.identifier(), line.note(), line.objectIdentifier(), line.invoicedQuantity(),
                line.invoicedQuantityUnitCode(), line.netAmount(), line.referencedPurchaseOrderLineReference(),
                line.buyerAccountingReference(), line.period(), line.allowances(), line.charges(), price,
                line.vatInformation(), line.item());
    }

    private static Invoice withoutDerivedVatTotal(Invoice converted, Invoice source) {
        DocumentTotals was = source.totals();
        DocumentTotals is = converted.totals();
        if (was == null || is == null || was.invoiceTotalVatAmount() != null || is.invoiceTotalVatAmount() == null) {
            return converted;
        }
        DocumentTotals totals = new DocumentTotals(is.sumOfInvoiceLineNetAmount(), is.sumOfAllowancesOnDocumentLevel(),
                is.sumOfChargesOnDocumentLevel(), is.invoiceTotalAmountWithoutVat(), null,
                is.invoiceTotalVatAmountInAccountingCurrency(), is.invoiceTotalAmountWithVat(), is.paidAmount(),
                is.roundingAmount(), is.amountDueForPayment());
        Invoice in = converted;
        return new Invoice(in.invoiceNumber(), in.issueDate(), in.typeCode(), in.currencyCode(),
                in.vatAccountingCurrencyCode(), in.vatPointDate(), in.vatPointDateCode(), in.paymentDueDate(),
                in.buyerReference(), in.projectReference(), in.contractReference(), in.purchaseOrderReference(),
                in.salesOrderReference(), in.receivingAdviceReference(), in.despatchAdviceReference(),
                in.tenderOrLotReference(), in.invoicedObjectIdentifier(), in.buyerAccountingReference(),
                in.paymentTerms(), in.notes(), in.processControl(), in.precedingInvoiceReferences(), in.seller(),
                in.buyer(), in.payee(), in.sellerTaxRepresentative(), in.delivery(), in.invoicingPeriod(),
                in.paymentInstructions(), in.allowances(), in.charges(), totals, in.vatBreakdown(),
                in.supportingDocuments(), in.lines());
    }

    static Invoice withPrecedingReferences(Invoice in, List<PrecedingInvoiceReference> references) {
        return new Invoice(in.invoiceNumber(), in.issueDate(), in.typeCode(), in.currencyCode(),
                in.vatAccountingCurrencyCode(), in.vatPointDate(), in.vatPointDateCode(), in.paymentDueDate(),
                in.buyerReference(), in.projectReference(), in.contractReference(), in.purchaseOrderReference(),
                in.salesOrderReference(), in.receivingAdviceReference(), in.despatchAdviceReference(),
                in.tenderOrLotReference(), in.invoicedObjectIdentifier(), in.buyerAccountingReference(),
                in.paymentTerms(), in.notes(), in.processControl(), references, in.seller(), in.buyer(), in.payee(),
                in.sellerTaxRepresentative(), in.delivery(), in.invoicingPeriod(), in.paymentInstructions(),
                in.allowances(), in.charges(), in.totals(), in.vatBreakdown(), in.supportingDocuments(), in.lines());
    }

    /**
     * {@code converted} without the values that a syntax had to add because it needs a container the source left
     * out: CII writes a discount inside a gross price (so it derives net + discount), UBL writes a gross price with
     * a discount amount (a zero discount) and a VAT breakdown under a VAT total (the sum of the breakdown). Everything
     * else stays as converted.
     */
    static Invoice withoutDerivedTerms(Invoice converted, Invoice source) {
        Invoice withoutVatTotal = withoutDerivedVatTotal(converted, source);
        if (withoutVatTotal.lines().size() != source.lines().size()) {
            return withoutVatTotal;
        }
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < withoutVatTotal.lines().size(); i++) {
            InvoiceLine line = withoutVatTotal.lines().get(i);
            PriceDetails was = source.lines().get(i).priceDetails();
            PriceDetails is = line.priceDetails();
            if (was == null || is == null) {
                lines.add(line);
                continue;
            }
            boolean derivedGross = was.itemGrossPrice() == null && is.itemGrossPrice() != null;
            boolean zeroDiscount = was.itemPriceDiscount() == null && is.itemPriceDiscount() != null
                    && is.itemPriceDiscount().signum() == 0;
            lines.add(withPrice(line, new PriceDetails(is.itemNetPrice(),
                    zeroDiscount ? null : is.itemPriceDiscount(), derivedGross ? null : is.itemGrossPrice(),
                    is.itemPriceBaseQuantity(), is.itemPriceBaseQuantityUnitCode())));
        }
        return withoutVatTotal.withLines(lines);
    }
}
