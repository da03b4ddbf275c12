package io.silkgate.schemas.cii;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.en16931.BinaryObject;
import io.silkgate.schemas.en16931.Buyer;
import io.silkgate.schemas.en16931.Contact;
import io.silkgate.schemas.en16931.CreditTransfer;
import io.silkgate.schemas.en16931.DeliveryInformation;
import io.silkgate.schemas.en16931.DirectDebit;
import io.silkgate.schemas.en16931.DocumentAllowanceCharge;
import io.silkgate.schemas.en16931.DocumentTotals;
import io.silkgate.schemas.en16931.Identifier;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceLine;
import io.silkgate.schemas.en16931.InvoiceNote;
import io.silkgate.schemas.en16931.ItemAttribute;
import io.silkgate.schemas.en16931.ItemInformation;
import io.silkgate.schemas.en16931.LineAllowanceCharge;
import io.silkgate.schemas.en16931.LineVatInformation;
import io.silkgate.schemas.en16931.Payee;
import io.silkgate.schemas.en16931.PaymentCard;
import io.silkgate.schemas.en16931.PaymentInstructions;
import io.silkgate.schemas.en16931.Period;
import io.silkgate.schemas.en16931.PostalAddress;
import io.silkgate.schemas.en16931.PrecedingInvoiceReference;
import io.silkgate.schemas.en16931.PriceDetails;
import io.silkgate.schemas.en16931.ProcessControl;
import io.silkgate.schemas.en16931.Seller;
import io.silkgate.schemas.en16931.SellerTaxRepresentative;
import io.silkgate.schemas.en16931.SupportingDocument;
import io.silkgate.schemas.en16931.VatBreakdown;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import un.unece.uncefact.data.standard.crossindustryinvoice._100.CrossIndustryInvoiceType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.AllowanceChargeReasonCodeType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.CountryIDType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.CurrencyCodeType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.DocumentCodeType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.FormattedDateTimeType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.PaymentMeansCodeType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.ReferenceCodeType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.TaxCategoryCodeType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.TaxTypeCodeType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.TimeReferenceCodeType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.CreditorFinancialAccountType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.CreditorFinancialInstitutionType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.DebtorFinancialAccountType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.DocumentContextParameterType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.DocumentLineDocumentType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.ExchangedDocumentContextType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.ExchangedDocumentType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.HeaderTradeAgreementType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.HeaderTradeDeliveryType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.HeaderTradeSettlementType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.LegalOrganizationType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.LineTradeAgreementType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.LineTradeDeliveryType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.LineTradeSettlementType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.NoteType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.ProcuringProjectType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.ProductCharacteristicType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.ProductClassificationType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.ReferencedDocumentType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.SpecifiedPeriodType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.SupplyChainEventType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.SupplyChainTradeLineItemType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.SupplyChainTradeTransactionType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TaxRegistrationType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeAccountingAccountType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeAddressType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeAllowanceChargeType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeContactType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeCountryType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradePartyType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradePaymentTermsType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradePriceType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeProductType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeSettlementFinancialCardType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeSettlementHeaderMonetarySummationType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeSettlementLineMonetarySummationType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeSettlementPaymentMeansType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeTaxType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.UniversalCommunicationType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.AmountType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.BinaryObjectType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.CodeType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.DateTimeType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.DateType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.IDType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.IndicatorType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.PercentType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.QuantityType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.TextType;

/**
 * Writes the EN 16931 model as a UN/CEFACT CII D16B CrossIndustryInvoice, following the CII syntax binding
 * (CEN/TS 16931-3-3). Credit notes keep CII's single root and their positive amounts; BT-3 tells them apart.
 */
public final class CiiInvoiceWriter {

    // ISO 13616: two letters, two check digits, up to 30 alphanumerics. Anything else is a proprietary account id.
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}");

    /**
     * The invoice as indented UTF-8 CII XML, checked against the D16B schema.
     *
     * @throws DocumentRejectedException SCHEMA_INVALID if the model lacks what the schema requires (BT-1, BT-2)
     */
    public byte[] write(Invoice invoice) {
        return CiiSyntax.marshal(toCii(invoice));
    }

    /** The invoice as ph-cii's JAXB tree, for callers that post-process it. */
    public CrossIndustryInvoiceType toCii(Invoice invoice) {
        CrossIndustryInvoiceType cii = new CrossIndustryInvoiceType();
        cii.setExchangedDocumentContext(context(invoice.processControl()));
        cii.setExchangedDocument(document(invoice));
        SupplyChainTradeTransactionType transaction = new SupplyChainTradeTransactionType();
        for (InvoiceLine line : invoice.lines()) {
            transaction.addIncludedSupplyChainTradeLineItem(line(line));
        }
        transaction.setApplicableHeaderTradeAgreement(agreement(invoice));
        transaction.setApplicableHeaderTradeDelivery(delivery(invoice));
        transaction.setApplicableHeaderTradeSettlement(settlement(invoice));
        cii.setSupplyChainTradeTransaction(transaction);
        return cii;
    }

    private static ExchangedDocumentContextType context(ProcessControl control) {
        ExchangedDocumentContextType context = new ExchangedDocumentContextType();
        if (control != null) {
            if (control.businessProcessType() != null) {
                DocumentContextParameterType process = new DocumentContextParameterType();
                process.setID(id(control.businessProcessType()));
                context.addBusinessProcessSpecifiedDocumentContextParameter(process);
            }
            if (control.specificationIdentifier() != null) {
                DocumentContextParameterType guideline = new DocumentContextParameterType();
                guideline.setID(id(control.specificationIdentifier()));
                context.addGuidelineSpecifiedDocumentContextParameter(guideline);
            }
        }
        return context;
    }

    private static ExchangedDocumentType document(Invoice invoice) {
        ExchangedDocumentType document = new ExchangedDocumentType();
        document.setID(id(invoice.invoiceNumber()));
        document.setTypeCode(CiiInvoiceWriter.<DocumentCodeType>code(invoice.typeCode(), DocumentCodeType::new));
        document.setIssueDateTime(dateTime(invoice.issueDate()));
        for (InvoiceNote note : invoice.notes()) {
            NoteType n = new NoteType();
            addIfPresent(n.getContent(), text(note.note()));
            n.setSubjectCode(CiiInvoiceWriter.<CodeType>code(note.subjectCode(), CodeType::new));
            document.addIncludedNote(n);
        }
        return document;
    }

    private static HeaderTradeAgreementType agreement(Invoice invoice) {
        HeaderTradeAgreementType agreement = new HeaderTradeAgreementType();
        agreement.setBuyerReference(text(invoice.buyerReference()));
        agreement.setSellerTradeParty(seller(invoice.seller()));
        agreement.setBuyerTradeParty(buyer(invoice.buyer()));
        agreement.setSellerTaxRepresentativeTradeParty(taxRepresentative(invoice.sellerTaxRepresentative()));
        agreement.setSellerOrderReferencedDocument(issuerReference(invoice.salesOrderReference()));
        agreement.setBuyerOrderReferencedDocument(issuerReference(invoice.purchaseOrderReference()));
        agreement.setContractReferencedDocument(issuerReference(invoice.contractReference()));
        for (SupportingDocument supporting : invoice.supportingDocuments()) {
            agreement.addAdditionalReferencedDocument(supportingDocument(supporting));
        }
        if (invoice.tenderOrLotReference() != null) {
            ReferencedDocumentType tender = issuerReference(invoice.tenderOrLotReference());
            tender.setTypeCode(CiiCodes.TENDER_OR_LOT);
            agreement.addAdditionalReferencedDocument(tender);
        }
        addIfPresent(agreement.getAdditionalReferencedDocument(), objectReference(invoice.invoicedObjectIdentifier()));
        if (invoice.projectReference() != null) {
            ProcuringProjectType project = new ProcuringProjectType();
            project.setID(id(invoice.projectReference()));
            project.setName(CiiCodes.PROJECT_NAME);
            agreement.setSpecifiedProcuringProject(project);
        }
        return agreement;
    }

    private static HeaderTradeDeliveryType delivery(Invoice invoice) {
        HeaderTradeDeliveryType delivery = new HeaderTradeDeliveryType();
        DeliveryInformation information = invoice.delivery();
        if (information != null) {
            if (information.deliverToPartyName() != null || information.deliverToLocationIdentifier() != null
                    || information.deliverToAddress() != null) {
                TradePartyType shipTo = new TradePartyType();
                partyIdentifier(shipTo, information.deliverToLocationIdentifier());
                shipTo.setName(text(information.deliverToPartyName()));
                shipTo.setPostalTradeAddress(address(information.deliverToAddress()));
                delivery.setShipToTradeParty(shipTo);
            }
            if (information.actualDeliveryDate() != null) {
                SupplyChainEventType event = new SupplyChainEventType();
                event.setOccurrenceDateTime(dateTime(information.actualDeliveryDate()));
                delivery.setActualDeliverySupplyChainEvent(event);
            }
        }
        delivery.setDespatchAdviceReferencedDocument(issuerReference(invoice.despatchAdviceReference()));
        delivery.setReceivingAdviceReferencedDocument(issuerReference(invoice.receivingAdviceReference()));
        return delivery;
    }

    private static HeaderTradeSettlementType settlement(Invoice invoice) {
        HeaderTradeSettlementType settlement = new HeaderTradeSettlementType();
        PaymentInstructions payment = invoice.paymentInstructions();
        DirectDebit debit = payment == null ? null : payment.directDebit();
        if (debit != null) {
            settlement.setCreditorReferenceID(id(debit.bankAssignedCreditorIdentifier()));
        }
        if (payment != null) {
            addIfPresent(settlement.getPaymentReference(), text(payment.remittanceInformation()));
        }
        settlement.setTaxCurrencyCode(CiiInvoiceWriter.<CurrencyCodeType>code(
                invoice.vatAccountingCurrencyCode(), CurrencyCodeType::new));
        settlement.setInvoiceCurrencyCode(CiiInvoiceWriter.<CurrencyCodeType>code(
                invoice.currencyCode(), CurrencyCodeType::new));
        settlement.setPayeeTradeParty(payee(invoice.payee()));
        if (payment != null) {
            paymentMeans(settlement, payment);
        }
        boolean first = true;
        for (VatBreakdown vat : invoice.vatBreakdown()) {
            settlement.addApplicableTradeTax(vatBreakdown(vat, first ? invoice : null));
            first = false;
        }
        settlement.setBillingSpecifiedPeriod(period(invoice.invoicingPeriod()));
        for (DocumentAllowanceCharge charge : invoice.charges()) {
            settlement.addSpecifiedTradeAllowanceCharge(documentAllowanceCharge(charge, true));
        }
        for (DocumentAllowanceCharge allowance : invoice.allowances()) {
            settlement.addSpecifiedTradeAllowanceCharge(documentAllowanceCharge(allowance, false));
        }
        addIfPresent(settlement.getSpecifiedTradePaymentTerms(), paymentTerms(invoice, debit));
        settlement.setSpecifiedTradeSettlementHeaderMonetarySummation(totals(invoice));
        // D16B allows one preceding invoice reference; EN 16931's further ones have no place in CII
        if (!invoice.precedingInvoiceReferences().isEmpty()) {
            settlement.setInvoiceReferencedDocument(
                    precedingInvoice(invoice.precedingInvoiceReferences().get(0)));
        }
        addIfPresent(settlement.getReceivableSpecifiedTradeAccountingAccount(),
                accountingAccount(invoice.buyerAccountingReference()));
        return settlement;
    }

    private static void paymentMeans(HeaderTradeSettlementType settlement, PaymentInstructions payment) {
        List<CreditTransfer> transfers = payment.creditTransfers();
        PaymentCard card = payment.paymentCard();
        String debitedAccount = payment.directDebit() == null ? null : payment.directDebit().debitedAccountIdentifier();
        boolean anyMeans = payment.paymentMeansTypeCode() != null || payment.paymentMeansText() != null
                || !transfers.isEmpty() || card != null || debitedAccount != null;
        if (!anyMeans) {
            return;
        }
        // BG-17 repeats; in CII each account is its own payment means with the same type code (BT-81)
        int count = Math.max(1, transfers.size());
        for (int i = 0; i < count; i++) {
            TradeSettlementPaymentMeansType means = new TradeSettlementPaymentMeansType();
            means.setTypeCode(CiiInvoiceWriter.<PaymentMeansCodeType>code(
                    payment.paymentMeansTypeCode(), PaymentMeansCodeType::new));
            if (i == 0) {
                addIfPresent(means.getInformation(), text(payment.paymentMeansText()));
                if (card != null) {
                    TradeSettlementFinancialCardType financialCard = new TradeSettlementFinancialCardType();
                    financialCard.setID(id(card.primaryAccountNumber()));
                    financialCard.setCardholderName(text(card.holderName()));
                    means.setApplicableTradeSettlementFinancialCard(financialCard);
                }
                if (debitedAccount != null) {
                    DebtorFinancialAccountType debtor = new DebtorFinancialAccountType();
                    debtor.setIBANID(id(debitedAccount));
                    means.setPayerPartyDebtorFinancialAccount(debtor);
                }
            }
            if (i < transfers.size()) {
                CreditTransfer transfer = transfers.get(i);
                if (transfer.paymentAccountIdentifier() != null || transfer.paymentAccountName() != null) {
                    CreditorFinancialAccountType account = new CreditorFinancialAccountType();
                    String accountId = transfer.paymentAccountIdentifier();
                    if (accountId != null && IBAN.matcher(accountId).matches()) {
                        account.setIBANID(id(accountId));
                    } else {
                        account.setProprietaryID(id(accountId));
                    }
                    account.setAccountName(text(transfer.paymentAccountName()));
                    means.setPayeePartyCreditorFinancialAccount(account);
                }
                if (transfer.paymentServiceProviderIdentifier() != null) {
                    CreditorFinancialInstitutionType institution = new CreditorFinancialInstitutionType();
                    institution.setBICID(id(transfer.paymentServiceProviderIdentifier()));
                    means.setPayeeSpecifiedCreditorFinancialInstitution(institution);
                }
            }
            settlement.addSpecifiedTradeSettlementPaymentMeans(means);
        }
    }

    /** @param invoice the invoice whose BT-7/BT-8 this breakdown carries; null for all but the first breakdown */
    private static TradeTaxType vatBreakdown(VatBreakdown vat, Invoice invoice) {
        TradeTaxType tax = new TradeTaxType();
        addIfPresent(tax.getCalculatedAmount(), amount(vat.taxAmount()));
        tax.setTypeCode(new TaxTypeCodeType(CiiCodes.VAT));
        tax.setExemptionReason(text(vat.exemptionReason()));
        addIfPresent(tax.getBasisAmount(), amount(vat.taxableAmount()));
        tax.setCategoryCode(CiiInvoiceWriter.<TaxCategoryCodeType>code(vat.categoryCode(), TaxCategoryCodeType::new));
        tax.setExemptionReasonCode(CiiInvoiceWriter.<CodeType>code(vat.exemptionReasonCode(), CodeType::new));
        // BT-7 and BT-8 are invoice-level terms that the binding places in a VAT breakdown; CII-SR-461 allows
        // them once, so they go on the first breakdown only
        if (invoice != null) {
            tax.setTaxPointDate(date(invoice.vatPointDate()));
            tax.setDueDateTypeCode(CiiInvoiceWriter.<TimeReferenceCodeType>code(
                    CiiCodes.vatPointDateCodeToCii(invoice.vatPointDateCode()), TimeReferenceCodeType::new));
        }
        tax.setRateApplicablePercent(percent(vat.rate()));
        return tax;
    }

    private static TradeAllowanceChargeType documentAllowanceCharge(DocumentAllowanceCharge ac, boolean charge) {
        TradeAllowanceChargeType result = allowanceCharge(charge, ac.amount(), ac.baseAmount(), ac.percentage(),
                ac.reason(), ac.reasonCode());
        if (ac.vatCategoryCode() != null || ac.vatRate() != null) {
            TradeTaxType tax = new TradeTaxType();
            tax.setTypeCode(new TaxTypeCodeType(CiiCodes.VAT));
            tax.setCategoryCode(CiiInvoiceWriter.<TaxCategoryCodeType>code(
                    ac.vatCategoryCode(), TaxCategoryCodeType::new));
            tax.setRateApplicablePercent(percent(ac.vatRate()));
            result.addCategoryTradeTax(tax);
        }
        return result;
    }

    private static TradeAllowanceChargeType allowanceCharge(boolean charge, BigDecimal amount, BigDecimal base,
            BigDecimal percentage, String reason, String reasonCode) {
        TradeAllowanceChargeType result = new TradeAllowanceChargeType();
        IndicatorType indicator = new IndicatorType();
        indicator.setIndicator(charge);
        result.setChargeIndicator(indicator);
        result.setCalculationPercent(percent(percentage));
        result.setBasisAmount(amount(base));
        addIfPresent(result.getActualAmount(), amount(amount));
        result.setReasonCode(CiiInvoiceWriter.<AllowanceChargeReasonCodeType>code(
                reasonCode, AllowanceChargeReasonCodeType::new));
        result.setReason(text(reason));
        return result;
    }

    private static TradePaymentTermsType paymentTerms(Invoice invoice, DirectDebit debit) {
        String mandate = debit == null ? null : debit.mandateReferenceIdentifier();
        if (invoice.paymentTerms() == null && invoice.paymentDueDate() == null && mandate == null) {
            return null;
        }
        TradePaymentTermsType terms = new TradePaymentTermsType();
        addIfPresent(terms.getDescription(), text(invoice.paymentTerms()));
        terms.setDueDateDateTime(dateTime(invoice.paymentDueDate()));
        addIfPresent(terms.getDirectDebitMandateID(), id(mandate));
        return terms;
    }

    private static TradeSettlementHeaderMonetarySummationType totals(Invoice invoice) {
        DocumentTotals totals = invoice.totals();
        TradeSettlementHeaderMonetarySummationType sum = new TradeSettlementHeaderMonetarySummationType();
        if (totals == null) {
            return sum;
        }
        addIfPresent(sum.getLineTotalAmount(), amount(totals.sumOfInvoiceLineNetAmount()));
        addIfPresent(sum.getChargeTotalAmount(), amount(totals.sumOfChargesOnDocumentLevel()));
        addIfPresent(sum.getAllowanceTotalAmount(), amount(totals.sumOfAllowancesOnDocumentLevel()));
        addIfPresent(sum.getTaxBasisTotalAmount(), amount(totals.invoiceTotalAmountWithoutVat()));
        // both VAT totals carry their currency: that is how a reader tells BT-110 from BT-111
        AmountType vat = amount(totals.invoiceTotalVatAmount());
        if (vat != null) {
            vat.setCurrencyID(invoice.currencyCode());
            sum.addTaxTotalAmount(vat);
        }
        AmountType vatInAccountingCurrency = amount(totals.invoiceTotalVatAmountInAccountingCurrency());
        if (vatInAccountingCurrency != null) {
            vatInAccountingCurrency.setCurrencyID(invoice.vatAccountingCurrencyCode() != null
                    ? invoice.vatAccountingCurrencyCode() : invoice.currencyCode());
            sum.addTaxTotalAmount(vatInAccountingCurrency);
        }
        addIfPresent(sum.getRoundingAmount(), amount(totals.roundingAmount()));
        addIfPresent(sum.getGrandTotalAmount(), amount(totals.invoiceTotalAmountWithVat()));
        addIfPresent(sum.getTotalPrepaidAmount(), amount(totals.paidAmount()));
        addIfPresent(sum.getDuePayableAmount(), amount(totals.amountDueForPayment()));
        return sum;
    }

    private static ReferencedDocumentType precedingInvoice(PrecedingInvoiceReference reference) {
        ReferencedDocumentType document = new ReferencedDocumentType();
        document.setIssuerAssignedID(id(reference.reference()));
        if (reference.issueDate() != null) {
            FormattedDateTimeType date = new FormattedDateTimeType();
            FormattedDateTimeType.DateTimeString string =
                    new FormattedDateTimeType.DateTimeString(CiiCodes.formatDate(reference.issueDate()));
            string.setFormat(CiiCodes.DATE_FORMAT_102);
            date.setDateTimeString(string);
            document.setFormattedIssueDateTime(date);
        }
        return document;
    }

    private static ReferencedDocumentType supportingDocument(SupportingDocument supporting) {
        ReferencedDocumentType document = new ReferencedDocumentType();
        document.setIssuerAssignedID(id(supporting.reference()));
        document.setURIID(id(supporting.externalLocation()));
        document.setTypeCode(CiiCodes.SUPPORTING_DOCUMENT);
        addIfPresent(document.getName(), text(supporting.description()));
        BinaryObject attachment = supporting.attachedDocument();
        if (attachment != null) {
            BinaryObjectType binary = new BinaryObjectType(attachment.content());
            binary.setMimeCode(attachment.mimeCode());
            binary.setFilename(attachment.filename());
            document.addAttachmentBinaryObject(binary);
        }
        return document;
    }

    private static ReferencedDocumentType objectReference(Identifier identifier) {
        if (identifier == null) {
            return null;
        }
        ReferencedDocumentType document = issuerReference(identifier.value());
        document.setTypeCode(CiiCodes.INVOICED_OBJECT);
        document.setReferenceTypeCode(CiiInvoiceWriter.<ReferenceCodeType>code(
                identifier.schemeId(), ReferenceCodeType::new));
        return document;
    }

    private static SupplyChainTradeLineItemType line(InvoiceLine line) {
        SupplyChainTradeLineItemType item = new SupplyChainTradeLineItemType();
        DocumentLineDocumentType document = new DocumentLineDocumentType();
        document.setLineID(id(line.identifier()));
        if (line.note() != null) {
            NoteType note = new NoteType();
            note.addContent(text(line.note()));
            document.addIncludedNote(note);
        }
        item.setAssociatedDocumentLineDocument(document);
        item.setSpecifiedTradeProduct(product(line.item()));

        LineTradeAgreementType agreement = new LineTradeAgreementType();
        if (line.referencedPurchaseOrderLineReference() != null) {
            ReferencedDocumentType order = new ReferencedDocumentType();
            order.setLineID(id(line.referencedPurchaseOrderLineReference()));
            agreement.setBuyerOrderReferencedDocument(order);
        }
        price(agreement, line.priceDetails());
        item.setSpecifiedLineTradeAgreement(agreement);

        LineTradeDeliveryType delivery = new LineTradeDeliveryType();
        delivery.setBilledQuantity(quantity(line.invoicedQuantity(), line.invoicedQuantityUnitCode()));
        item.setSpecifiedLineTradeDelivery(delivery);

        LineTradeSettlementType settlement = new LineTradeSettlementType();
        LineVatInformation vat = line.vatInformation();
        if (vat != null) {
            TradeTaxType tax = new TradeTaxType();
            tax.setTypeCode(new TaxTypeCodeType(CiiCodes.VAT));
            tax.setCategoryCode(CiiInvoiceWriter.<TaxCategoryCodeType>code(
                    vat.invoicedItemVatCategoryCode(), TaxCategoryCodeType::new));
            tax.setRateApplicablePercent(percent(vat.invoicedItemVatRate()));
            settlement.addApplicableTradeTax(tax);
        }
        settlement.setBillingSpecifiedPeriod(period(line.period()));
        for (LineAllowanceCharge charge : line.charges()) {
            settlement.addSpecifiedTradeAllowanceCharge(allowanceCharge(true, charge.amount(), charge.baseAmount(),
                    charge.percentage(), charge.reason(), charge.reasonCode()));
        }
        for (LineAllowanceCharge allowance : line.allowances()) {
            settlement.addSpecifiedTradeAllowanceCharge(allowanceCharge(false, allowance.amount(),
                    allowance.baseAmount(), allowance.percentage(), allowance.reason(), allowance.reasonCode()));
        }
        TradeSettlementLineMonetarySummationType sum = new TradeSettlementLineMonetarySummationType();
        addIfPresent(sum.getLineTotalAmount(), amount(line.netAmount()));
        settlement.setSpecifiedTradeSettlementLineMonetarySummation(sum);
        addIfPresent(settlement.getAdditionalReferencedDocument(), objectReference(line.objectIdentifier()));
        addIfPresent(settlement.getReceivableSpecifiedTradeAccountingAccount(),
                accountingAccount(line.buyerAccountingReference()));
        item.setSpecifiedLineTradeSettlement(settlement);
        return item;
    }

    private static void price(LineTradeAgreementType agreement, PriceDetails price) {
        if (price == null) {
            return;
        }
        // the base quantity (BT-149/BT-150) applies to gross and net price alike, so both carry it
        BigDecimal grossPrice = grossPrice(price);
        if (grossPrice != null) {
            TradePriceType gross = new TradePriceType();
            gross.addChargeAmount(amount(grossPrice));
            gross.setBasisQuantity(quantity(price.itemPriceBaseQuantity(), price.itemPriceBaseQuantityUnitCode()));
            if (price.itemPriceDiscount() != null) {
                gross.addAppliedTradeAllowanceCharge(allowanceCharge(false, price.itemPriceDiscount(), null, null,
                        null, null));
            }
            agreement.setGrossPriceProductTradePrice(gross);
        }
        if (price.itemNetPrice() != null) {
            TradePriceType net = new TradePriceType();
            net.addChargeAmount(amount(price.itemNetPrice()));
            net.setBasisQuantity(quantity(price.itemPriceBaseQuantity(), price.itemPriceBaseQuantityUnitCode()));
            agreement.setNetPriceProductTradePrice(net);
        }
    }

    /**
     * BT-148, or where only the discount (BT-147) is known, the gross price it implies (net + discount): CII keeps the
     * discount inside the gross price, which needs an amount (UBL, unlike CII, can hold a discount alone).
     */
    static BigDecimal grossPrice(PriceDetails price) {
        if (price.itemGrossPrice() != null) {
            return price.itemGrossPrice();
        }
        if (price.itemPriceDiscount() != null && price.itemNetPrice() != null) {
            return price.itemNetPrice().add(price.itemPriceDiscount());
        }
        return null;
    }

    private static TradeProductType product(ItemInformation item) {
        TradeProductType product = new TradeProductType();
        if (item == null) {
            return product;
        }
        Identifier standard = item.standardIdentifier();
        if (standard != null) {
            product.setGlobalID(id(standard.value(), standard.schemeId()));
        }
        product.setSellerAssignedID(id(item.sellersIdentifier()));
        product.setBuyerAssignedID(id(item.buyersIdentifier()));
        addIfPresent(product.getName(), text(item.name()));
        product.setDescription(text(item.description()));
        for (ItemAttribute attribute : item.attributes()) {
            ProductCharacteristicType characteristic = new ProductCharacteristicType();
            addIfPresent(characteristic.getDescription(), text(attribute.name()));
            addIfPresent(characteristic.getValue(), text(attribute.value()));
            product.addApplicableProductCharacteristic(characteristic);
        }
        for (Identifier classification : item.classificationIdentifiers()) {
            ProductClassificationType productClassification = new ProductClassificationType();
            CodeType classCode = new CodeType(classification.value());
            classCode.setListID(classification.schemeId());
            classCode.setListVersionID(classification.schemeVersionId());
            productClassification.setClassCode(classCode);
            product.addDesignatedProductClassification(productClassification);
        }
        if (item.countryOfOrigin() != null) {
            TradeCountryType origin = new TradeCountryType();
            origin.setID(new CountryIDType(item.countryOfOrigin()));
            product.setOriginTradeCountry(origin);
        }
        return product;
    }

    // ---- parties ----

    private static TradePartyType seller(Seller seller) {
        if (seller == null) {
            return null;
        }
        TradePartyType party = new TradePartyType();
        for (Identifier identifier : seller.identifiers()) {
            if (identifier.schemeId() == null) {
                party.addID(id(identifier.value()));
            }
        }
        for (Identifier identifier : seller.identifiers()) {
            if (identifier.schemeId() != null) {
                party.addGlobalID(id(identifier.value(), identifier.schemeId()));
            }
        }
        party.setName(text(seller.name()));
        addIfPresent(party.getDescription(), text(seller.additionalLegalInformation()));
        party.setSpecifiedLegalOrganization(legalOrganization(seller.legalRegistrationIdentifier(),
                seller.tradingName()));
        addIfPresent(party.getDefinedTradeContact(), contact(seller.contact()));
        party.setPostalTradeAddress(address(seller.postalAddress()));
        addIfPresent(party.getURIUniversalCommunication(), electronicAddress(seller.electronicAddress()));
        addIfPresent(party.getSpecifiedTaxRegistration(), taxRegistration(seller.vatIdentifier(), CiiCodes.VAT_SCHEME));
        addIfPresent(party.getSpecifiedTaxRegistration(),
                taxRegistration(seller.taxRegistrationIdentifier(), CiiCodes.TAX_REGISTRATION_SCHEME));
        return party;
    }

    private static TradePartyType buyer(Buyer buyer) {
        if (buyer == null) {
            return null;
        }
        TradePartyType party = new TradePartyType();
        partyIdentifier(party, buyer.identifier());
        party.setName(text(buyer.name()));
        party.setSpecifiedLegalOrganization(legalOrganization(buyer.legalRegistrationIdentifier(),
                buyer.tradingName()));
        addIfPresent(party.getDefinedTradeContact(), contact(buyer.contact()));
        party.setPostalTradeAddress(address(buyer.postalAddress()));
        addIfPresent(party.getURIUniversalCommunication(), electronicAddress(buyer.electronicAddress()));
        addIfPresent(party.getSpecifiedTaxRegistration(), taxRegistration(buyer.vatIdentifier(), CiiCodes.VAT_SCHEME));
        return party;
    }

    private static TradePartyType payee(Payee payee) {
        if (payee == null) {
            return null;
        }
        TradePartyType party = new TradePartyType();
        partyIdentifier(party, payee.identifier());
        party.setName(text(payee.name()));
        party.setSpecifiedLegalOrganization(legalOrganization(payee.legalRegistrationIdentifier(), null));
        return party;
    }

    private static TradePartyType taxRepresentative(SellerTaxRepresentative representative) {
        if (representative == null) {
            return null;
        }
        TradePartyType party = new TradePartyType();
        party.setName(text(representative.name()));
        party.setPostalTradeAddress(address(representative.postalAddress()));
        addIfPresent(party.getSpecifiedTaxRegistration(),
                taxRegistration(representative.vatIdentifier(), CiiCodes.VAT_SCHEME));
        return party;
    }

    // A scheme-qualified party identifier is a GlobalID (ISO 6523 ICD in schemeID); an unqualified one is an ID.
    private static void partyIdentifier(TradePartyType party, Identifier identifier) {
        if (identifier == null) {
            return;
        }
        if (identifier.schemeId() == null) {
            party.addID(id(identifier.value()));
        } else {
            party.addGlobalID(id(identifier.value(), identifier.schemeId()));
        }
    }

    private static LegalOrganizationType legalOrganization(Identifier registration, String tradingName) {
        if (registration == null && tradingName == null) {
            return null;
        }
        LegalOrganizationType legal = new LegalOrganizationType();
        if (registration != null) {
            legal.setID(id(registration.value(), registration.schemeId()));
        }
        legal.setTradingBusinessName(text(tradingName));
        return legal;
    }

    private static TaxRegistrationType taxRegistration(String value, String scheme) {
        if (value == null) {
            return null;
        }
        TaxRegistrationType registration = new TaxRegistrationType();
        registration.setID(id(value, scheme));
        return registration;
    }

    private static UniversalCommunicationType electronicAddress(Identifier address) {
        if (address == null) {
            return null;
        }
        UniversalCommunicationType communication = new UniversalCommunicationType();
        communication.setURIID(id(address.value(), address.schemeId()));
        return communication;
    }

    private static TradeContactType contact(Contact contact) {
        if (contact == null) {
            return null;
        }
        TradeContactType result = new TradeContactType();
        result.setPersonName(text(contact.contactPoint()));
        if (contact.telephoneNumber() != null) {
            UniversalCommunicationType phone = new UniversalCommunicationType();
            phone.setCompleteNumber(text(contact.telephoneNumber()));
            result.setTelephoneUniversalCommunication(phone);
        }
        if (contact.emailAddress() != null) {
            UniversalCommunicationType email = new UniversalCommunicationType();
            email.setURIID(id(contact.emailAddress()));
            result.setEmailURIUniversalCommunication(email);
        }
        return result;
    }

    private static TradeAddressType address(PostalAddress address) {
        if (address == null) {
            return null;
        }
        TradeAddressType result = new TradeAddressType();
        result.setPostcodeCode(CiiInvoiceWriter.<CodeType>code(address.postCode(), CodeType::new));
        result.setLineOne(text(address.addressLine1()));
        result.setLineTwo(text(address.addressLine2()));
        result.setLineThree(text(address.addressLine3()));
        result.setCityName(text(address.city()));
        result.setCountryID(CiiInvoiceWriter.<CountryIDType>code(address.countryCode(), CountryIDType::new));
        addIfPresent(result.getCountrySubDivisionName(), text(address.countrySubdivision()));
        return result;
    }

    // ---- small builders; each returns null for a null value so that absent terms leave no element ----

    private static ReferencedDocumentType issuerReference(String id) {
        if (id == null) {
            return null;
        }
        ReferencedDocumentType document = new ReferencedDocumentType();
        document.setIssuerAssignedID(id(id));
        return document;
    }

    private static TradeAccountingAccountType accountingAccount(String id) {
        if (id == null) {
            return null;
        }
        TradeAccountingAccountType account = new TradeAccountingAccountType();
        account.setID(id(id));
        return account;
    }

    private static SpecifiedPeriodType period(Period period) {
        if (period == null || (period.startDate() == null && period.endDate() == null)) {
            return null;
        }
        SpecifiedPeriodType result = new SpecifiedPeriodType();
        result.setStartDateTime(dateTime(period.startDate()));
        result.setEndDateTime(dateTime(period.endDate()));
        return result;
    }

    private static DateTimeType dateTime(LocalDate date) {
        if (date == null) {
            return null;
        }
        DateTimeType dateTime = new DateTimeType();
        DateTimeType.DateTimeString string = new DateTimeType.DateTimeString(CiiCodes.formatDate(date));
        string.setFormat(CiiCodes.DATE_FORMAT_102);
        dateTime.setDateTimeString(string);
        return dateTime;
    }

    private static DateType date(LocalDate date) {
        if (date == null) {
            return null;
        }
        DateType result = new DateType();
        DateType.DateString string = new DateType.DateString(CiiCodes.formatDate(date));
        string.setFormat(CiiCodes.DATE_FORMAT_102);
        result.setDateString(string);
        return result;
    }

    private static IDType id(String value) {
        return value == null ? null : new IDType(value);
    }

    private static IDType id(String value, String scheme) {
        IDType id = id(value);
        if (id != null) {
            id.setSchemeID(scheme);
        }
        return id;
    }

    private static TextType text(String value) {
        return value == null ? null : new TextType(value);
    }

    private static <T> T code(String value, Function<String, T> type) {
        return value == null ? null : type.apply(value);
    }

    private static AmountType amount(BigDecimal value) {
        return value == null ? null : new AmountType(value);
    }

    private static PercentType percent(BigDecimal value) {
        return value == null ? null : new PercentType(value);
    }

    private static QuantityType quantity(BigDecimal value, String unitCode) {
        if (value == null) {
            return null;
        }
        QuantityType quantity = new QuantityType(value);
        quantity.setUnitCode(unitCode);
        return quantity;
    }

    private static <T> void addIfPresent(List<T> list, T value) {
        if (value != null) {
            list.add(value);
        }
    }
}
