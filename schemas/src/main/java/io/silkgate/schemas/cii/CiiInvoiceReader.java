package io.silkgate.schemas.cii;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.w3c.dom.Element;
import un.unece.uncefact.data.standard.crossindustryinvoice._100.CrossIndustryInvoiceType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.FormattedDateTimeType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.CreditorFinancialAccountType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.DocumentContextParameterType;
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
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.ProductCharacteristicType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.ProductClassificationType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.ReferencedDocumentType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.SpecifiedPeriodType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.SupplyChainTradeLineItemType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.SupplyChainTradeTransactionType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TaxRegistrationType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeAccountingAccountType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeAddressType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeAllowanceChargeType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeContactType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradePartyType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradePaymentTermsType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradePriceType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeProductType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeSettlementFinancialCardType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeSettlementHeaderMonetarySummationType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeSettlementPaymentMeansType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeTaxType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.UniversalCommunicationType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.AmountType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.BinaryObjectType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.DateTimeType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.DateType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.IDType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.IndicatorType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.PercentType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.QuantityType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.TextType;

/**
 * Reads a UN/CEFACT CII D16B CrossIndustryInvoice into the EN 16931 model, following the CII syntax binding
 * (CEN/TS 16931-3-3). Elements outside EN 16931 are ignored; the document is checked against the D16B schema first.
 */
public final class CiiInvoiceReader {

    /**
     * Reads the invoice rooted at {@code root} without modifying the DOM.
     *
     * @throws DocumentRejectedException UNKNOWN_FORMAT if the root is not rsm:CrossIndustryInvoice, SCHEMA_INVALID if
     *         the document breaks the D16B schema or uses a date format other than 102
     */
    public Invoice read(Element root) {
        if (!CiiSyntax.isCii(root)) {
            String name = root == null ? "nothing" : "{" + root.getNamespaceURI() + "}" + root.getLocalName();
            throw new DocumentRejectedException(ErrorCode.UNKNOWN_FORMAT,
                    "not a CII CrossIndustryInvoice: the root element is " + name);
        }
        return read(CiiSyntax.unmarshal(root));
    }

    /** Maps an already bound CII document to the model. */
    public Invoice read(CrossIndustryInvoiceType cii) {
        ExchangedDocumentType document = cii.getExchangedDocument();
        SupplyChainTradeTransactionType transaction = cii.getSupplyChainTradeTransaction();
        HeaderTradeAgreementType agreement = transaction == null ? null
                : transaction.getApplicableHeaderTradeAgreement();
        HeaderTradeDeliveryType delivery = transaction == null ? null : transaction.getApplicableHeaderTradeDelivery();
        HeaderTradeSettlementType settlement = transaction == null ? null
                : transaction.getApplicableHeaderTradeSettlement();
        if (agreement == null) {
            agreement = new HeaderTradeAgreementType();
        }
        if (delivery == null) {
            delivery = new HeaderTradeDeliveryType();
        }
        if (settlement == null) {
            settlement = new HeaderTradeSettlementType();
        }
        if (document == null) {
            document = new ExchangedDocumentType();
        }

        String currency = code(settlement.getInvoiceCurrencyCode(), c -> c.getValue());
        String taxCurrency = code(settlement.getTaxCurrencyCode(), c -> c.getValue());
        TradePaymentTermsType terms = first(settlement.getSpecifiedTradePaymentTerms());
        List<ReferencedDocumentType> references = agreement.getAdditionalReferencedDocument();
        ReferencedDocumentType invoicedObject = firstOfType(references, CiiCodes.INVOICED_OBJECT);

        return new Invoice(
                id(document.getID()),
                dateTime(document.getIssueDateTime(), "BT-2"),
                code(document.getTypeCode(), c -> c.getValue()),
                currency,
                taxCurrency,
                firstTaxValue(settlement.getApplicableTradeTax(), t -> date(t.getTaxPointDate(), "BT-7")),
                CiiCodes.vatPointDateCodeFromCii(firstTaxValue(settlement.getApplicableTradeTax(),
                        t -> code(t.getDueDateTypeCode(), c -> c.getValue()))),
                terms == null ? null : dateTime(terms.getDueDateDateTime(), "BT-9"),
                text(agreement.getBuyerReference()),
                agreement.getSpecifiedProcuringProject() == null ? null
                        : id(agreement.getSpecifiedProcuringProject().getID()),
                issuerId(agreement.getContractReferencedDocument()),
                issuerId(agreement.getBuyerOrderReferencedDocument()),
                issuerId(agreement.getSellerOrderReferencedDocument()),
                issuerId(delivery.getReceivingAdviceReferencedDocument()),
                issuerId(delivery.getDespatchAdviceReferencedDocument()),
                issuerId(firstOfType(references, CiiCodes.TENDER_OR_LOT)),
                objectIdentifier(invoicedObject),
                accountingReference(settlement.getReceivableSpecifiedTradeAccountingAccount()),
                terms == null ? null : joined(terms.getDescription()),
                notes(document.getIncludedNote()),
                processControl(cii.getExchangedDocumentContext()),
                precedingInvoices(settlement.getInvoiceReferencedDocument()),
                seller(agreement.getSellerTradeParty()),
                buyer(agreement.getBuyerTradeParty()),
                payee(settlement.getPayeeTradeParty()),
                taxRepresentative(agreement.getSellerTaxRepresentativeTradeParty()),
                delivery(delivery),
                period(settlement.getBillingSpecifiedPeriod(), "BT-73", "BT-74"),
                paymentInstructions(settlement, terms),
                documentAllowancesCharges(settlement.getSpecifiedTradeAllowanceCharge(), false),
                documentAllowancesCharges(settlement.getSpecifiedTradeAllowanceCharge(), true),
                totals(settlement.getSpecifiedTradeSettlementHeaderMonetarySummation(), currency),
                vatBreakdown(settlement.getApplicableTradeTax()),
                supportingDocuments(references),
                transaction == null ? List.of() : lines(transaction.getIncludedSupplyChainTradeLineItem()));
    }

    private static List<InvoiceNote> notes(List<NoteType> notes) {
        List<InvoiceNote> result = new ArrayList<>();
        for (NoteType note : notes) {
            String subject = code(note.getSubjectCode(), c -> c.getValue());
            String content = joined(note.getContent());
            if (subject != null || content != null) {
                result.add(new InvoiceNote(subject, content));
            }
        }
        return result;
    }

    private static ProcessControl processControl(ExchangedDocumentContextType context) {
        if (context == null) {
            return null;
        }
        String process = contextId(context.getBusinessProcessSpecifiedDocumentContextParameter());
        String specification = contextId(context.getGuidelineSpecifiedDocumentContextParameter());
        return process == null && specification == null ? null : new ProcessControl(process, specification);
    }

    private static String contextId(List<DocumentContextParameterType> parameters) {
        for (DocumentContextParameterType parameter : parameters) {
            String id = id(parameter.getID());
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private static List<PrecedingInvoiceReference> precedingInvoices(ReferencedDocumentType reference) {
        if (reference == null) {
            return List.of();
        }
        String id = id(reference.getIssuerAssignedID());
        LocalDate date = formattedDate(reference.getFormattedIssueDateTime(), "BT-26");
        return id == null && date == null ? List.of() : List.of(new PrecedingInvoiceReference(id, date));
    }

    private static Seller seller(TradePartyType party) {
        if (party == null) {
            return null;
        }
        List<Identifier> identifiers = new ArrayList<>();
        for (IDType id : party.getID()) {
            addIfPresent(identifiers, identifier(id));
        }
        for (IDType id : party.getGlobalID()) {
            addIfPresent(identifiers, identifier(id));
        }
        LegalOrganizationType legal = party.getSpecifiedLegalOrganization();
        Seller seller = new Seller(
                text(party.getName()),
                legal == null ? null : text(legal.getTradingBusinessName()),
                identifiers,
                legal == null ? null : identifier(legal.getID()),
                taxRegistration(party.getSpecifiedTaxRegistration(), CiiCodes.VAT_SCHEME),
                taxRegistration(party.getSpecifiedTaxRegistration(), CiiCodes.TAX_REGISTRATION_SCHEME),
                joined(party.getDescription()),
                electronicAddress(party.getURIUniversalCommunication()),
                address(party.getPostalTradeAddress()),
                contact(party.getDefinedTradeContact()));
        return isEmpty(seller.name(), seller.tradingName(), seller.legalRegistrationIdentifier(),
                seller.vatIdentifier(), seller.taxRegistrationIdentifier(), seller.additionalLegalInformation(),
                seller.electronicAddress(), seller.postalAddress(), seller.contact())
                && identifiers.isEmpty() ? null : seller;
    }

    private static Buyer buyer(TradePartyType party) {
        if (party == null) {
            return null;
        }
        LegalOrganizationType legal = party.getSpecifiedLegalOrganization();
        Buyer buyer = new Buyer(
                text(party.getName()),
                legal == null ? null : text(legal.getTradingBusinessName()),
                partyIdentifier(party),
                legal == null ? null : identifier(legal.getID()),
                taxRegistration(party.getSpecifiedTaxRegistration(), CiiCodes.VAT_SCHEME),
                electronicAddress(party.getURIUniversalCommunication()),
                address(party.getPostalTradeAddress()),
                contact(party.getDefinedTradeContact()));
        return isEmpty(buyer.name(), buyer.tradingName(), buyer.identifier(), buyer.legalRegistrationIdentifier(),
                buyer.vatIdentifier(), buyer.electronicAddress(), buyer.postalAddress(), buyer.contact())
                ? null : buyer;
    }

    private static Payee payee(TradePartyType party) {
        if (party == null) {
            return null;
        }
        LegalOrganizationType legal = party.getSpecifiedLegalOrganization();
        Payee payee = new Payee(text(party.getName()), partyIdentifier(party),
                legal == null ? null : identifier(legal.getID()));
        return isEmpty(payee.name(), payee.identifier(), payee.legalRegistrationIdentifier()) ? null : payee;
    }

    private static SellerTaxRepresentative taxRepresentative(TradePartyType party) {
        if (party == null) {
            return null;
        }
        SellerTaxRepresentative representative = new SellerTaxRepresentative(text(party.getName()),
                taxRegistration(party.getSpecifiedTaxRegistration(), CiiCodes.VAT_SCHEME),
                address(party.getPostalTradeAddress()));
        return isEmpty(representative.name(), representative.vatIdentifier(), representative.postalAddress())
                ? null : representative;
    }

    private static DeliveryInformation delivery(HeaderTradeDeliveryType delivery) {
        TradePartyType shipTo = delivery.getShipToTradeParty();
        LocalDate actual = delivery.getActualDeliverySupplyChainEvent() == null ? null
                : dateTime(delivery.getActualDeliverySupplyChainEvent().getOccurrenceDateTime(), "BT-72");
        DeliveryInformation information = new DeliveryInformation(
                shipTo == null ? null : text(shipTo.getName()),
                shipTo == null ? null : partyIdentifier(shipTo),
                actual,
                shipTo == null ? null : address(shipTo.getPostalTradeAddress()));
        return isEmpty(information.deliverToPartyName(), information.deliverToLocationIdentifier(),
                information.actualDeliveryDate(), information.deliverToAddress()) ? null : information;
    }

    private static PaymentInstructions paymentInstructions(HeaderTradeSettlementType settlement,
            TradePaymentTermsType terms) {
        List<TradeSettlementPaymentMeansType> means = settlement.getSpecifiedTradeSettlementPaymentMeans();
        String typeCode = null;
        String text = null;
        List<CreditTransfer> transfers = new ArrayList<>();
        PaymentCard card = null;
        String debitedAccount = null;
        for (TradeSettlementPaymentMeansType m : means) {
            if (typeCode == null) {
                typeCode = code(m.getTypeCode(), c -> c.getValue());
            }
            if (text == null) {
                text = joined(m.getInformation());
            }
            CreditorFinancialAccountType account = m.getPayeePartyCreditorFinancialAccount();
            String bic = m.getPayeeSpecifiedCreditorFinancialInstitution() == null ? null
                    : id(m.getPayeeSpecifiedCreditorFinancialInstitution().getBICID());
            String accountId = account == null ? null : firstNonNull(id(account.getIBANID()),
                    id(account.getProprietaryID()));
            String accountName = account == null ? null : text(account.getAccountName());
            if (accountId != null || accountName != null || bic != null) {
                transfers.add(new CreditTransfer(accountId, accountName, bic));
            }
            TradeSettlementFinancialCardType financialCard = m.getApplicableTradeSettlementFinancialCard();
            if (card == null && financialCard != null) {
                String number = id(financialCard.getID());
                String holder = text(financialCard.getCardholderName());
                if (number != null || holder != null) {
                    card = new PaymentCard(number, holder);
                }
            }
            if (debitedAccount == null && m.getPayerPartyDebtorFinancialAccount() != null) {
                debitedAccount = firstNonNull(id(m.getPayerPartyDebtorFinancialAccount().getIBANID()),
                        id(m.getPayerPartyDebtorFinancialAccount().getProprietaryID()));
            }
        }
        String mandate = terms == null ? null : firstId(terms.getDirectDebitMandateID());
        String creditor = id(settlement.getCreditorReferenceID());
        DirectDebit debit = isEmpty(mandate, creditor, debitedAccount) ? null
                : new DirectDebit(mandate, creditor, debitedAccount);
        String remittance = firstText(settlement.getPaymentReference());
        if (isEmpty(typeCode, text, remittance, card, debit) && transfers.isEmpty()) {
            return null;
        }
        return new PaymentInstructions(typeCode, text, remittance, transfers, card, debit);
    }

    private static List<DocumentAllowanceCharge> documentAllowancesCharges(List<TradeAllowanceChargeType> list,
            boolean charges) {
        List<DocumentAllowanceCharge> result = new ArrayList<>();
        for (TradeAllowanceChargeType ac : list) {
            if (isCharge(ac.getChargeIndicator()) != charges) {
                continue;
            }
            TradeTaxType tax = first(ac.getCategoryTradeTax());
            result.add(new DocumentAllowanceCharge(
                    firstAmount(ac.getActualAmount()),
                    amount(ac.getBasisAmount()),
                    percent(ac.getCalculationPercent()),
                    tax == null ? null : code(tax.getCategoryCode(), c -> c.getValue()),
                    tax == null ? null : percent(tax.getRateApplicablePercent()),
                    text(ac.getReason()),
                    code(ac.getReasonCode(), c -> c.getValue())));
        }
        return result;
    }

    private static DocumentTotals totals(TradeSettlementHeaderMonetarySummationType sum, String currency) {
        if (sum == null) {
            return null;
        }
        BigDecimal vat = null;
        BigDecimal vatInAccountingCurrency = null;
        // BT-110 is the total in the invoice currency (BT-5), BT-111 the other one (in BT-6); when both currencies
        // are equal the binding's order, BT-110 first, decides.
        for (AmountType amount : sum.getTaxTotalAmount()) {
            String amountCurrency = amount.getCurrencyID();
            boolean invoiceCurrency = amountCurrency == null || amountCurrency.equals(currency);
            if (vat == null && invoiceCurrency) {
                vat = amount.getValue();
            } else if (vatInAccountingCurrency == null) {
                vatInAccountingCurrency = amount.getValue();
            }
        }
        DocumentTotals totals = new DocumentTotals(
                firstAmount(sum.getLineTotalAmount()),
                firstAmount(sum.getAllowanceTotalAmount()),
                firstAmount(sum.getChargeTotalAmount()),
                firstAmount(sum.getTaxBasisTotalAmount()),
                vat,
                vatInAccountingCurrency,
                firstAmount(sum.getGrandTotalAmount()),
                firstAmount(sum.getTotalPrepaidAmount()),
                firstAmount(sum.getRoundingAmount()),
                firstAmount(sum.getDuePayableAmount()));
        return isEmpty(totals.sumOfInvoiceLineNetAmount(), totals.sumOfAllowancesOnDocumentLevel(),
                totals.sumOfChargesOnDocumentLevel(), totals.invoiceTotalAmountWithoutVat(),
                totals.invoiceTotalVatAmount(), totals.invoiceTotalVatAmountInAccountingCurrency(),
                totals.invoiceTotalAmountWithVat(), totals.paidAmount(), totals.roundingAmount(),
                totals.amountDueForPayment()) ? null : totals;
    }

    private static List<VatBreakdown> vatBreakdown(List<TradeTaxType> taxes) {
        List<VatBreakdown> result = new ArrayList<>();
        for (TradeTaxType tax : taxes) {
            result.add(new VatBreakdown(
                    firstAmount(tax.getBasisAmount()),
                    firstAmount(tax.getCalculatedAmount()),
                    code(tax.getCategoryCode(), c -> c.getValue()),
                    percent(tax.getRateApplicablePercent()),
                    text(tax.getExemptionReason()),
                    code(tax.getExemptionReasonCode(), c -> c.getValue())));
        }
        return result;
    }

    private static List<SupportingDocument> supportingDocuments(List<ReferencedDocumentType> references) {
        List<SupportingDocument> result = new ArrayList<>();
        for (ReferencedDocumentType reference : references) {
            if (!CiiCodes.SUPPORTING_DOCUMENT.equals(code(reference.getTypeCode(), c -> c.getValue()))) {
                continue;
            }
            BinaryObjectType attachment = first(reference.getAttachmentBinaryObject());
            result.add(new SupportingDocument(
                    id(reference.getIssuerAssignedID()),
                    joined(reference.getName()),
                    id(reference.getURIID()),
                    attachment == null || attachment.getValue() == null ? null
                            : new BinaryObject(attachment.getValue(), clean(attachment.getMimeCode()),
                                    clean(attachment.getFilename()))));
        }
        return result;
    }

    private static List<InvoiceLine> lines(List<SupplyChainTradeLineItemType> items) {
        List<InvoiceLine> result = new ArrayList<>(items.size());
        for (SupplyChainTradeLineItemType item : items) {
            result.add(line(item));
        }
        return result;
    }

    private static InvoiceLine line(SupplyChainTradeLineItemType item) {
        LineTradeAgreementType agreement = item.getSpecifiedLineTradeAgreement();
        LineTradeDeliveryType delivery = item.getSpecifiedLineTradeDelivery();
        LineTradeSettlementType settlement = item.getSpecifiedLineTradeSettlement();
        if (settlement == null) {
            settlement = new LineTradeSettlementType();
        }
        QuantityType quantity = delivery == null ? null : delivery.getBilledQuantity();
        String lineNote = item.getAssociatedDocumentLineDocument() == null ? null
                : joinedNotes(item.getAssociatedDocumentLineDocument().getIncludedNote());
        TradeTaxType tax = first(settlement.getApplicableTradeTax());
        LineVatInformation vat = tax == null ? null : new LineVatInformation(
                code(tax.getCategoryCode(), c -> c.getValue()), percent(tax.getRateApplicablePercent()));
        if (vat != null && vat.invoicedItemVatCategoryCode() == null && vat.invoicedItemVatRate() == null) {
            vat = null;
        }
        return new InvoiceLine(
                item.getAssociatedDocumentLineDocument() == null ? null
                        : id(item.getAssociatedDocumentLineDocument().getLineID()),
                lineNote,
                objectIdentifier(firstOfType(settlement.getAdditionalReferencedDocument(), CiiCodes.INVOICED_OBJECT)),
                quantity == null ? null : quantity.getValue(),
                quantity == null ? null : clean(quantity.getUnitCode()),
                settlement.getSpecifiedTradeSettlementLineMonetarySummation() == null ? null
                        : firstAmount(settlement.getSpecifiedTradeSettlementLineMonetarySummation()
                                .getLineTotalAmount()),
                agreement == null || agreement.getBuyerOrderReferencedDocument() == null ? null
                        : id(agreement.getBuyerOrderReferencedDocument().getLineID()),
                accountingReference(settlement.getReceivableSpecifiedTradeAccountingAccount()),
                period(settlement.getBillingSpecifiedPeriod(), "BT-134", "BT-135"),
                lineAllowancesCharges(settlement.getSpecifiedTradeAllowanceCharge(), false),
                lineAllowancesCharges(settlement.getSpecifiedTradeAllowanceCharge(), true),
                agreement == null ? null : price(agreement),
                vat,
                product(item.getSpecifiedTradeProduct()));
    }

    private static List<LineAllowanceCharge> lineAllowancesCharges(List<TradeAllowanceChargeType> list,
            boolean charges) {
        List<LineAllowanceCharge> result = new ArrayList<>();
        for (TradeAllowanceChargeType ac : list) {
            if (isCharge(ac.getChargeIndicator()) == charges) {
                result.add(new LineAllowanceCharge(firstAmount(ac.getActualAmount()), amount(ac.getBasisAmount()),
                        percent(ac.getCalculationPercent()), text(ac.getReason()),
                        code(ac.getReasonCode(), c -> c.getValue())));
            }
        }
        return result;
    }

    private static PriceDetails price(LineTradeAgreementType agreement) {
        TradePriceType net = agreement.getNetPriceProductTradePrice();
        TradePriceType gross = agreement.getGrossPriceProductTradePrice();
        BigDecimal discount = null;
        if (gross != null) {
            for (TradeAllowanceChargeType ac : gross.getAppliedTradeAllowanceCharge()) {
                if (!isCharge(ac.getChargeIndicator())) {
                    discount = firstAmount(ac.getActualAmount());
                    break;
                }
            }
        }
        // BT-149/BT-150 belong to the net price; a gross price's basis quantity stands in when the net one is absent
        QuantityType basis = net != null && net.getBasisQuantity() != null ? net.getBasisQuantity()
                : gross == null ? null : gross.getBasisQuantity();
        PriceDetails price = new PriceDetails(
                net == null ? null : firstAmount(net.getChargeAmount()),
                discount,
                gross == null ? null : firstAmount(gross.getChargeAmount()),
                basis == null ? null : basis.getValue(),
                basis == null ? null : clean(basis.getUnitCode()));
        return isEmpty(price.itemNetPrice(), price.itemPriceDiscount(), price.itemGrossPrice(),
                price.itemPriceBaseQuantity(), price.itemPriceBaseQuantityUnitCode()) ? null : price;
    }

    private static ItemInformation product(TradeProductType product) {
        if (product == null) {
            return null;
        }
        List<Identifier> classifications = new ArrayList<>();
        for (ProductClassificationType classification : product.getDesignatedProductClassification()) {
            if (classification.getClassCode() != null && clean(classification.getClassCode().getValue()) != null) {
                classifications.add(new Identifier(clean(classification.getClassCode().getValue()),
                        clean(classification.getClassCode().getListID()),
                        clean(classification.getClassCode().getListVersionID())));
            }
        }
        List<ItemAttribute> attributes = new ArrayList<>();
        for (ProductCharacteristicType characteristic : product.getApplicableProductCharacteristic()) {
            String name = joined(characteristic.getDescription());
            String value = joined(characteristic.getValue());
            if (name != null || value != null) {
                attributes.add(new ItemAttribute(name, value));
            }
        }
        ItemInformation item = new ItemInformation(
                joined(product.getName()),
                text(product.getDescription()),
                id(product.getSellerAssignedID()),
                id(product.getBuyerAssignedID()),
                identifier(product.getGlobalID()),
                classifications,
                product.getOriginTradeCountry() == null ? null
                        : code(product.getOriginTradeCountry().getID(), c -> c.getValue()),
                attributes);
        return isEmpty(item.name(), item.description(), item.sellersIdentifier(), item.buyersIdentifier(),
                item.standardIdentifier(), item.countryOfOrigin()) && classifications.isEmpty()
                && attributes.isEmpty() ? null : item;
    }

    // ---- shared pieces ----

    private static Identifier partyIdentifier(TradePartyType party) {
        // the binding puts a scheme-qualified identifier in GlobalID and an unqualified one in ID
        Identifier global = party.getGlobalID().stream().map(CiiInvoiceReader::identifier).filter(Objects::nonNull)
                .findFirst().orElse(null);
        if (global != null) {
            return global;
        }
        return party.getID().stream().map(CiiInvoiceReader::identifier).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    private static Identifier objectIdentifier(ReferencedDocumentType reference) {
        if (reference == null) {
            return null;
        }
        String value = id(reference.getIssuerAssignedID());
        return value == null ? null
                : Identifier.of(value, code(reference.getReferenceTypeCode(), c -> c.getValue()));
    }

    private static ReferencedDocumentType firstOfType(List<ReferencedDocumentType> references, String typeCode) {
        for (ReferencedDocumentType reference : references) {
            if (typeCode.equals(code(reference.getTypeCode(), c -> c.getValue()))) {
                return reference;
            }
        }
        return null;
    }

    private static String taxRegistration(List<TaxRegistrationType> registrations, String scheme) {
        for (TaxRegistrationType registration : registrations) {
            IDType id = registration.getID();
            if (id != null && scheme.equals(clean(id.getSchemeID())) && id(id) != null) {
                return id(id);
            }
        }
        return null;
    }

    private static Identifier electronicAddress(List<UniversalCommunicationType> communications) {
        for (UniversalCommunicationType communication : communications) {
            Identifier address = identifier(communication.getURIID());
            if (address != null) {
                return address;
            }
        }
        return null;
    }

    private static Contact contact(List<TradeContactType> contacts) {
        TradeContactType contact = first(contacts);
        if (contact == null) {
            return null;
        }
        String point = firstNonNull(text(contact.getPersonName()), text(contact.getDepartmentName()));
        String phone = contact.getTelephoneUniversalCommunication() == null ? null
                : text(contact.getTelephoneUniversalCommunication().getCompleteNumber());
        String email = contact.getEmailURIUniversalCommunication() == null ? null
                : id(contact.getEmailURIUniversalCommunication().getURIID());
        return isEmpty(point, phone, email) ? null : new Contact(point, phone, email);
    }

    private static PostalAddress address(TradeAddressType address) {
        if (address == null) {
            return null;
        }
        PostalAddress result = new PostalAddress(
                text(address.getLineOne()),
                text(address.getLineTwo()),
                text(address.getLineThree()),
                text(address.getCityName()),
                code(address.getPostcodeCode(), c -> c.getValue()),
                firstText(address.getCountrySubDivisionName()),
                code(address.getCountryID(), c -> c.getValue()));
        return isEmpty(result.addressLine1(), result.addressLine2(), result.addressLine3(), result.city(),
                result.postCode(), result.countrySubdivision(), result.countryCode()) ? null : result;
    }

    private static Period period(SpecifiedPeriodType period, String startTerm, String endTerm) {
        if (period == null) {
            return null;
        }
        LocalDate start = dateTime(period.getStartDateTime(), startTerm);
        LocalDate end = dateTime(period.getEndDateTime(), endTerm);
        return start == null && end == null ? null : new Period(start, end);
    }

    private static String accountingReference(List<TradeAccountingAccountType> accounts) {
        for (TradeAccountingAccountType account : accounts) {
            String id = id(account.getID());
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private static String issuerId(ReferencedDocumentType reference) {
        return reference == null ? null : id(reference.getIssuerAssignedID());
    }

    private static <T> T firstTaxValue(List<TradeTaxType> taxes, Function<TradeTaxType, T> value) {
        for (TradeTaxType tax : taxes) {
            T found = value.apply(tax);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static boolean isCharge(IndicatorType indicator) {
        if (indicator == null) {
            return false;
        }
        if (indicator.isIndicator() != null) {
            return indicator.isIndicator();
        }
        return "true".equalsIgnoreCase(clean(indicator.getIndicatorStringValue()));
    }

    private static LocalDate dateTime(DateTimeType dateTime, String term) {
        if (dateTime == null || dateTime.getDateTimeString() == null) {
            return null;
        }
        return CiiCodes.parseDate(clean(dateTime.getDateTimeString().getValue()),
                dateTime.getDateTimeString().getFormat(), term);
    }

    private static LocalDate date(DateType date, String term) {
        if (date == null || date.getDateString() == null) {
            return null;
        }
        return CiiCodes.parseDate(clean(date.getDateString().getValue()), date.getDateString().getFormat(), term);
    }

    private static LocalDate formattedDate(FormattedDateTimeType date, String term) {
        if (date == null || date.getDateTimeString() == null) {
            return null;
        }
        return CiiCodes.parseDate(clean(date.getDateTimeString().getValue()), date.getDateTimeString().getFormat(),
                term);
    }

    private static Identifier identifier(IDType id) {
        String value = id(id);
        return value == null ? null : Identifier.of(value, clean(id.getSchemeID()));
    }

    private static String id(IDType id) {
        return id == null ? null : clean(id.getValue());
    }

    private static String firstId(List<IDType> ids) {
        for (IDType id : ids) {
            if (id(id) != null) {
                return id(id);
            }
        }
        return null;
    }

    private static String text(TextType text) {
        return text == null ? null : clean(text.getValue());
    }

    private static String firstText(List<TextType> texts) {
        for (TextType text : texts) {
            if (text(text) != null) {
                return text(text);
            }
        }
        return null;
    }

    // EN 16931 has one text where CII allows several; keeping them all, one per line, loses nothing.
    private static String joined(List<TextType> texts) {
        String joined = texts.stream().map(CiiInvoiceReader::text).filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        return joined.isEmpty() ? null : joined;
    }

    private static String joinedNotes(List<NoteType> notes) {
        String joined = notes.stream().map(note -> joined(note.getContent())).filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        return joined.isEmpty() ? null : joined;
    }

    private static <T> String code(T code, Function<T, String> value) {
        return code == null ? null : clean(value.apply(code));
    }

    private static BigDecimal amount(AmountType amount) {
        return amount == null ? null : amount.getValue();
    }

    private static BigDecimal firstAmount(List<AmountType> amounts) {
        for (AmountType amount : amounts) {
            if (amount.getValue() != null) {
                return amount.getValue();
            }
        }
        return null;
    }

    private static BigDecimal percent(PercentType percent) {
        return percent == null ? null : percent.getValue();
    }

    private static <T> T first(List<T> list) {
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    private static <T> void addIfPresent(List<T> list, T value) {
        if (value != null) {
            list.add(value);
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static boolean isEmpty(Object... values) {
        for (Object value : values) {
            if (value != null) {
                return false;
            }
        }
        return true;
    }

    // Text is taken as sent (JAXB already collapses the token-typed ids and codes); a blank element carries no term.
    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
