package io.silkgate.schemas.en16931;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EN 16931-1 semantic model of one invoice or credit note (the root of BG-1..BG-32, BT-1..BT-165): the pivot
 * every invoice format is read into and written from. Amounts keep the scale they were written with; they are in
 * the invoice currency (BT-5) except BT-111, which is in the VAT accounting currency (BT-6).
 */
public record Invoice(
        String invoiceNumber,                  // BT-1 Invoice number
        LocalDate issueDate,                   // BT-2 Invoice issue date
        String typeCode,                       // BT-3 Invoice type code (UNTDID 1001)
        String currencyCode,                   // BT-5 Invoice currency code
        String vatAccountingCurrencyCode,      // BT-6 VAT accounting currency code
        LocalDate vatPointDate,                // BT-7 Value added tax point date
        String vatPointDateCode,               // BT-8 Value added tax point date code (UNTDID 2005: 3, 35, 432)
        LocalDate paymentDueDate,              // BT-9 Payment due date
        String buyerReference,                 // BT-10 Buyer reference
        String projectReference,               // BT-11 Project reference
        String contractReference,              // BT-12 Contract reference
        String purchaseOrderReference,         // BT-13 Purchase order reference
        String salesOrderReference,            // BT-14 Sales order reference
        String receivingAdviceReference,       // BT-15 Receiving advice reference
        String despatchAdviceReference,        // BT-16 Despatch advice reference
        String tenderOrLotReference,           // BT-17 Tender or lot reference
        Identifier invoicedObjectIdentifier,   // BT-18 Invoiced object identifier (scheme BT-18-1)
        String buyerAccountingReference,       // BT-19 Buyer accounting reference
        String paymentTerms,                   // BT-20 Payment terms
        List<InvoiceNote> notes,               // BG-1 INVOICE NOTE (0..n)
        ProcessControl processControl,         // BG-2 PROCESS CONTROL
        List<PrecedingInvoiceReference> precedingInvoiceReferences, // BG-3 PRECEDING INVOICE REFERENCE (0..n)
        Seller seller,                         // BG-4 SELLER
        Buyer buyer,                           // BG-7 BUYER
        Payee payee,                           // BG-10 PAYEE
        SellerTaxRepresentative sellerTaxRepresentative, // BG-11 SELLER TAX REPRESENTATIVE PARTY
        DeliveryInformation delivery,          // BG-13 DELIVERY INFORMATION
        Period invoicingPeriod,                // BG-14 INVOICING PERIOD
        PaymentInstructions paymentInstructions, // BG-16 PAYMENT INSTRUCTIONS
        List<DocumentAllowanceCharge> allowances, // BG-20 DOCUMENT LEVEL ALLOWANCES (0..n)
        List<DocumentAllowanceCharge> charges, // BG-21 DOCUMENT LEVEL CHARGES (0..n)
        DocumentTotals totals,                 // BG-22 DOCUMENT TOTALS
        List<VatBreakdown> vatBreakdown,       // BG-23 VAT BREAKDOWN (1..n)
        List<SupportingDocument> supportingDocuments, // BG-24 ADDITIONAL SUPPORTING DOCUMENTS (0..n)
        List<InvoiceLine> lines) {             // BG-25 INVOICE LINE (1..n)

    /** UNTDID 1001 document types that EN 16931 treats as credit notes (UBL root CreditNote). */
    public static final Set<String> CREDIT_NOTE_TYPE_CODES =
            Set.of("81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532");

    public Invoice {
        notes = notes == null ? List.of() : List.copyOf(notes);
        precedingInvoiceReferences = precedingInvoiceReferences == null ? List.of()
                : List.copyOf(precedingInvoiceReferences);
        allowances = allowances == null ? List.of() : List.copyOf(allowances);
        charges = charges == null ? List.of() : List.copyOf(charges);
        vatBreakdown = vatBreakdown == null ? List.of() : List.copyOf(vatBreakdown);
        supportingDocuments = supportingDocuments == null ? List.of() : List.copyOf(supportingDocuments);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** Whether BT-3 makes this a credit note rather than an invoice. */
    public boolean isCreditNote() {
        return typeCode != null && CREDIT_NOTE_TYPE_CODES.contains(typeCode);
    }

    /** Every BT-/BG- id (and scheme sub-term such as BT-29-1) that carries a value, in EN 16931 order. */
    public Set<String> presentTerms() {
        return PresentTerms.of(this);
    }

    /** How many instances of each present term the invoice holds (e.g. 2 for BT-25 with two preceding invoices). */
    public Map<String, Integer> termCounts() {
        return PresentTerms.counts(this);
    }

    /** This invoice with another BG-2 (used by profiles that set their own BT-23 / BT-24). */
    public Invoice withProcessControl(ProcessControl newProcessControl) {
        return new Invoice(invoiceNumber, issueDate, typeCode, currencyCode, vatAccountingCurrencyCode,
                vatPointDate, vatPointDateCode, paymentDueDate, buyerReference, projectReference,
                contractReference, purchaseOrderReference, salesOrderReference, receivingAdviceReference,
                despatchAdviceReference, tenderOrLotReference, invoicedObjectIdentifier, buyerAccountingReference,
                paymentTerms, notes, newProcessControl, precedingInvoiceReferences, seller, buyer, payee,
                sellerTaxRepresentative, delivery, invoicingPeriod, paymentInstructions, allowances, charges,
                totals, vatBreakdown, supportingDocuments, lines);
    }

    /** This invoice with other lines (used to build large invoices and by tests). */
    public Invoice withLines(List<InvoiceLine> newLines) {
        return new Invoice(invoiceNumber, issueDate, typeCode, currencyCode, vatAccountingCurrencyCode,
                vatPointDate, vatPointDateCode, paymentDueDate, buyerReference, projectReference,
                contractReference, purchaseOrderReference, salesOrderReference, receivingAdviceReference,
                despatchAdviceReference, tenderOrLotReference, invoicedObjectIdentifier, buyerAccountingReference,
                paymentTerms, notes, processControl, precedingInvoiceReferences, seller, buyer, payee,
                sellerTaxRepresentative, delivery, invoicingPeriod, paymentInstructions, allowances, charges,
                totals, vatBreakdown, supportingDocuments, newLines);
    }

    /** This invoice with other parties (used by translations that move or add party identifiers). */
    public Invoice withParties(Seller newSeller, Buyer newBuyer, SellerTaxRepresentative newRepresentative) {
        return new Invoice(invoiceNumber, issueDate, typeCode, currencyCode, vatAccountingCurrencyCode,
                vatPointDate, vatPointDateCode, paymentDueDate, buyerReference, projectReference,
                contractReference, purchaseOrderReference, salesOrderReference, receivingAdviceReference,
                despatchAdviceReference, tenderOrLotReference, invoicedObjectIdentifier, buyerAccountingReference,
                paymentTerms, notes, processControl, precedingInvoiceReferences, newSeller, newBuyer, payee,
                newRepresentative, delivery, invoicingPeriod, paymentInstructions, allowances, charges,
                totals, vatBreakdown, supportingDocuments, lines);
    }

    /** This invoice with other VAT-bearing parts (used by translations of VAT category codes). */
    public Invoice withVatParts(List<DocumentAllowanceCharge> newAllowances, List<DocumentAllowanceCharge> newCharges,
            List<VatBreakdown> newVatBreakdown, List<InvoiceLine> newLines) {
        return new Invoice(invoiceNumber, issueDate, typeCode, currencyCode, vatAccountingCurrencyCode,
                vatPointDate, vatPointDateCode, paymentDueDate, buyerReference, projectReference,
                contractReference, purchaseOrderReference, salesOrderReference, receivingAdviceReference,
                despatchAdviceReference, tenderOrLotReference, invoicedObjectIdentifier, buyerAccountingReference,
                paymentTerms, notes, processControl, precedingInvoiceReferences, seller, buyer, payee,
                sellerTaxRepresentative, delivery, invoicingPeriod, paymentInstructions, newAllowances, newCharges,
                totals, newVatBreakdown, supportingDocuments, newLines);
    }
}
