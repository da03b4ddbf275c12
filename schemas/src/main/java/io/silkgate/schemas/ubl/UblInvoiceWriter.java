package io.silkgate.schemas.ubl;

import com.helger.diagnostics.error.IError;
import com.helger.diagnostics.error.list.ErrorList;
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
import java.util.Locale;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AllowanceChargeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AttachmentType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BillingReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BranchType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CardAccountType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CommodityClassificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ContactType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CountryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CreditNoteLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DeliveryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DocumentReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ExternalReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.FinancialAccountType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemPropertyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.LocationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.OrderLineReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.OrderReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyLegalEntityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyNameType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyTaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentMandateType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentMeansType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentTermsType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PeriodType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ProjectReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.AccountingCostType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.AllowanceChargeReasonType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.BuyerReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.CreditNoteTypeCodeType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.CustomizationIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.DescriptionCodeType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.DescriptionType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.DocumentCurrencyCodeType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.DocumentDescriptionType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.DueDateType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.IDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.InvoiceTypeCodeType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.IssueDateType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.PaymentIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.ProfileIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxCurrencyCodeType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxExemptionReasonType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxPointDateType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;

/**
 * Writes the EN 16931 model as a UBL 2.1 Invoice, or a CreditNote when BT-3 is a credit-note type, following the
 * CEN/TS 16931-3-2 binding and the given profile's BT-23 / BT-24 and tax scheme ids. The output is checked against
 * the UBL 2.1 XSD while it is written.
 */
public final class UblInvoiceWriter {

    /** OrderReference/ID is mandatory in UBL; Peppol's placeholder when only BT-14 (sales order) exists. */
    static final String NO_ORDER_ID = "NA";
    /** UNTDID 4461 "instrument not defined": PaymentMeansCode is mandatory in UBL when BG-16 lacks BT-81. */
    static final String UNDEFINED_PAYMENT_MEANS = "1";
    /** CardAccount/NetworkID is mandatory in UBL and has no EN 16931 term. */
    static final String UNKNOWN_CARD_NETWORK = "NA";
    static final String DEFAULT_MIME_CODE = "application/octet-stream";

    /** The UBL 2.1 document (UTF-8) for {@code source} under {@code profile}. */
    public byte[] write(Invoice source, UblProfile profile) {
        Invoice invoice = profile.prepare(source);
        Parts parts = new Parts(invoice, profile);
        ErrorList errors = new ErrorList();
        byte[] bytes = invoice.isCreditNote()
                ? UblDocumentSerializer.CREDIT_NOTE.toBytes(parts.creditNote(), errors)
                : UblDocumentSerializer.INVOICE.toBytes(parts.invoice(), errors);
        if (bytes == null) {
            throw new IllegalArgumentException("invoice " + invoice.invoiceNumber()
                    + " cannot be written as valid UBL 2.1: " + describe(errors));
        }
        return bytes;
    }

    /** The JAXB tree that {@link #write} serialises: an InvoiceType, or a CreditNoteType for a credit note. */
    static Object document(Invoice source, UblProfile profile) {
        Invoice invoice = profile.prepare(source);
        Parts parts = new Parts(invoice, profile);
        return invoice.isCreditNote() ? parts.creditNote() : parts.invoice();
    }

    private static String describe(ErrorList errors) {
        List<String> texts = new ArrayList<>();
        for (IError error : errors) {
            if (texts.size() < 5) {
                texts.add(error.getErrorText(Locale.ROOT));
            }
        }
        return texts.isEmpty() ? "schema violation" : String.join("; ", texts);
    }

    /** The UBL components of one invoice, built once and placed on an Invoice or CreditNote root. */
    private static final class Parts {
        private final Invoice in;
        private final UblProfile profile;
        private final String currency;

        Parts(Invoice in, UblProfile profile) {
            this.in = in;
            this.profile = profile;
            this.currency = in.currencyCode();
        }

        InvoiceType invoice() {
            InvoiceType out = new InvoiceType();
            ProcessControl control = in.processControl();
            if (control != null && control.specificationIdentifier() != null) {
                out.setCustomizationID(new CustomizationIDType(control.specificationIdentifier()));
            }
            if (control != null && control.businessProcessType() != null) {
                out.setProfileID(new ProfileIDType(control.businessProcessType()));
            }
            out.setID(id(in.invoiceNumber()));
            out.setIssueDate(in.issueDate() == null ? null : new IssueDateType(in.issueDate()));
            out.setDueDate(in.paymentDueDate() == null ? null : new DueDateType(in.paymentDueDate()));
            out.setInvoiceTypeCode(in.typeCode() == null ? null : new InvoiceTypeCodeType(in.typeCode()));
            out.setNote(notes());
            out.setTaxPointDate(in.vatPointDate() == null ? null : new TaxPointDateType(in.vatPointDate()));
            out.setDocumentCurrencyCode(currency == null ? null : new DocumentCurrencyCodeType(currency));
            out.setTaxCurrencyCode(taxCurrency());
            out.setAccountingCost(accountingCost(in.buyerAccountingReference()));
            out.setBuyerReference(in.buyerReference() == null ? null : new BuyerReferenceType(in.buyerReference()));
            out.setInvoicePeriod(invoicePeriod());
            out.setOrderReference(orderReference());
            out.setBillingReference(billingReferences());
            out.setDespatchDocumentReference(references(in.despatchAdviceReference()));
            out.setReceiptDocumentReference(references(in.receivingAdviceReference()));
            out.setOriginatorDocumentReference(references(in.tenderOrLotReference()));
            out.setContractDocumentReference(references(in.contractReference()));
            out.setAdditionalDocumentReference(additionalReferences(false));
            if (in.projectReference() != null) {
                ProjectReferenceType project = new ProjectReferenceType();
                project.setID(in.projectReference());
                out.addProjectReference(project);
            }
            out.setAccountingSupplierParty(supplier());
            out.setAccountingCustomerParty(customer());
            out.setPayeeParty(payee());
            out.setTaxRepresentativeParty(taxRepresentative());
            out.setDelivery(delivery());
            out.setPaymentMeans(paymentMeans(null));
            out.setPaymentTerms(paymentTerms());
            out.setAllowanceCharge(documentAllowanceCharges());
            out.setTaxTotal(taxTotals());
            out.setLegalMonetaryTotal(monetaryTotal());
            for (InvoiceLine line : in.lines()) {
                out.addInvoiceLine(invoiceLine(line));
            }
            return out;
        }

        CreditNoteType creditNote() {
            CreditNoteType out = new CreditNoteType();
            ProcessControl control = in.processControl();
            if (control != null && control.specificationIdentifier() != null) {
                out.setCustomizationID(new CustomizationIDType(control.specificationIdentifier()));
            }
            if (control != null && control.businessProcessType() != null) {
                out.setProfileID(new ProfileIDType(control.businessProcessType()));
            }
            out.setID(id(in.invoiceNumber()));
            out.setIssueDate(in.issueDate() == null ? null : new IssueDateType(in.issueDate()));
            out.setCreditNoteTypeCode(new CreditNoteTypeCodeType(in.typeCode()));
            out.setNote(notes());
            out.setTaxPointDate(in.vatPointDate() == null ? null : new TaxPointDateType(in.vatPointDate()));
            out.setDocumentCurrencyCode(currency == null ? null : new DocumentCurrencyCodeType(currency));
            out.setTaxCurrencyCode(taxCurrency());
            out.setAccountingCost(accountingCost(in.buyerAccountingReference()));
            out.setBuyerReference(in.buyerReference() == null ? null : new BuyerReferenceType(in.buyerReference()));
            out.setInvoicePeriod(invoicePeriod());
            out.setOrderReference(orderReference());
            out.setBillingReference(billingReferences());
            out.setDespatchDocumentReference(references(in.despatchAdviceReference()));
            out.setReceiptDocumentReference(references(in.receivingAdviceReference()));
            out.setOriginatorDocumentReference(references(in.tenderOrLotReference()));
            out.setContractDocumentReference(references(in.contractReference()));
            // UBL 2.1 CreditNote has no ProjectReference: BT-11 travels as a document reference of type 50.
            out.setAdditionalDocumentReference(additionalReferences(true));
            out.setAccountingSupplierParty(supplier());
            out.setAccountingCustomerParty(customer());
            out.setPayeeParty(payee());
            out.setTaxRepresentativeParty(taxRepresentative());
            out.setDelivery(delivery());
            // ... and no DueDate: BT-9 goes to PaymentMeans/PaymentDueDate.
            out.setPaymentMeans(paymentMeans(in.paymentDueDate()));
            out.setPaymentTerms(paymentTerms());
            out.setAllowanceCharge(documentAllowanceCharges());
            out.setTaxTotal(taxTotals());
            out.setLegalMonetaryTotal(monetaryTotal());
            for (InvoiceLine line : in.lines()) {
                out.addCreditNoteLine(creditNoteLine(line));
            }
            return out;
        }

        private List<NoteType> notes() {
            List<NoteType> notes = new ArrayList<>();
            for (InvoiceNote note : in.notes()) {
                String text = note.note() == null ? "" : note.note();
                // CEN/TS 16931-3-2: the subject code (BT-21) is a "#CODE#" prefix of the note text.
                notes.add(new NoteType(note.subjectCode() == null ? text : "#" + note.subjectCode() + "#" + text));
            }
            return notes;
        }

        private TaxCurrencyCodeType taxCurrency() {
            String code = in.vatAccountingCurrencyCode();
            return code == null ? null : new TaxCurrencyCodeType(code);
        }

        private List<PeriodType> invoicePeriod() {
            Period period = in.invoicingPeriod();
            String code = in.vatPointDateCode();
            if (period == null && code == null) {
                return new ArrayList<>();
            }
            PeriodType out = period(period);
            if (code != null) {
                out.addDescriptionCode(new DescriptionCodeType(code));
            }
            return new ArrayList<>(List.of(out));
        }

        private OrderReferenceType orderReference() {
            String purchase = in.purchaseOrderReference();
            String sales = in.salesOrderReference();
            if (purchase == null && sales == null) {
                return null;
            }
            OrderReferenceType order = new OrderReferenceType();
            order.setID(purchase == null ? NO_ORDER_ID : purchase);
            if (sales != null) {
                order.setSalesOrderID(sales);
            }
            return order;
        }

        private List<BillingReferenceType> billingReferences() {
            List<BillingReferenceType> result = new ArrayList<>();
            for (PrecedingInvoiceReference preceding : in.precedingInvoiceReferences()) {
                DocumentReferenceType reference = new DocumentReferenceType();
                reference.setID(preceding.reference());
                if (preceding.issueDate() != null) {
                    reference.setIssueDate(preceding.issueDate());
                }
                BillingReferenceType billing = new BillingReferenceType();
                billing.setInvoiceDocumentReference(reference);
                result.add(billing);
            }
            return result;
        }

        private List<DocumentReferenceType> additionalReferences(boolean creditNote) {
            List<DocumentReferenceType> result = new ArrayList<>();
            for (SupportingDocument document : in.supportingDocuments()) {
                DocumentReferenceType reference = new DocumentReferenceType();
                reference.setID(document.reference() == null ? NO_ORDER_ID : document.reference());
                if (document.description() != null) {
                    reference.addDocumentDescription(new DocumentDescriptionType(document.description()));
                }
                if (document.attachedDocument() != null || document.externalLocation() != null) {
                    AttachmentType attachment = new AttachmentType();
                    BinaryObject binary = document.attachedDocument();
                    if (binary != null) {
                        var embedded = attachment.setEmbeddedDocumentBinaryObject(binary.content());
                        embedded.setMimeCode(binary.mimeCode() == null ? DEFAULT_MIME_CODE : binary.mimeCode());
                        embedded.setFilename(binary.filename());
                    }
                    if (document.externalLocation() != null) {
                        ExternalReferenceType external = new ExternalReferenceType();
                        external.setURI(document.externalLocation());
                        attachment.setExternalReference(external);
                    }
                    reference.setAttachment(attachment);
                }
                result.add(reference);
            }
            Identifier object = in.invoicedObjectIdentifier();
            if (object != null) {
                DocumentReferenceType reference = new DocumentReferenceType();
                reference.setID(id(object));
                reference.setDocumentTypeCode(UblInvoiceReader.INVOICED_OBJECT_TYPE);
                result.add(reference);
            }
            if (creditNote && in.projectReference() != null) {
                DocumentReferenceType reference = new DocumentReferenceType();
                reference.setID(in.projectReference());
                reference.setDocumentTypeCode(UblInvoiceReader.PROJECT_TYPE);
                result.add(reference);
            }
            return result;
        }

        private SupplierPartyType supplier() {
            Seller seller = in.seller();
            SupplierPartyType supplier = new SupplierPartyType();
            PartyType party = new PartyType();
            supplier.setParty(party);
            if (seller == null) {
                return supplier;
            }
            if (seller.electronicAddress() != null) {
                party.setEndpointID(seller.electronicAddress().value())
                        .setSchemeID(seller.electronicAddress().schemeId());
            }
            for (Identifier identifier : seller.identifiers()) {
                party.addPartyIdentification(partyIdentification(identifier));
            }
            if (in.payee() == null) {
                addSepaCreditor(party);
            }
            addPartyName(party, seller.tradingName());
            party.setPostalAddress(address(seller.postalAddress()));
            addTaxScheme(party, seller.vatIdentifier(), profile.vatSchemeId());
            addTaxScheme(party, seller.taxRegistrationIdentifier(), profile.taxRegistrationSchemeId());
            if (seller.name() != null || seller.legalRegistrationIdentifier() != null
                    || seller.additionalLegalInformation() != null) {
                PartyLegalEntityType legal = new PartyLegalEntityType();
                if (seller.name() != null) {
                    legal.setRegistrationName(seller.name());
                }
                if (seller.legalRegistrationIdentifier() != null) {
                    legal.setCompanyID(seller.legalRegistrationIdentifier().value())
                            .setSchemeID(seller.legalRegistrationIdentifier().schemeId());
                }
                if (seller.additionalLegalInformation() != null) {
                    legal.setCompanyLegalForm(seller.additionalLegalInformation());
                }
                party.addPartyLegalEntity(legal);
            }
            party.setContact(contact(seller.contact()));
            return supplier;
        }

        private CustomerPartyType customer() {
            Buyer buyer = in.buyer();
            CustomerPartyType customer = new CustomerPartyType();
            PartyType party = new PartyType();
            customer.setParty(party);
            if (buyer == null) {
                return customer;
            }
            if (buyer.electronicAddress() != null) {
                party.setEndpointID(buyer.electronicAddress().value()).setSchemeID(buyer.electronicAddress().schemeId());
            }
            if (buyer.identifier() != null) {
                party.addPartyIdentification(partyIdentification(buyer.identifier()));
            }
            addPartyName(party, buyer.tradingName());
            party.setPostalAddress(address(buyer.postalAddress()));
            addTaxScheme(party, buyer.vatIdentifier(), profile.vatSchemeId());
            if (buyer.name() != null || buyer.legalRegistrationIdentifier() != null) {
                PartyLegalEntityType legal = new PartyLegalEntityType();
                if (buyer.name() != null) {
                    legal.setRegistrationName(buyer.name());
                }
                if (buyer.legalRegistrationIdentifier() != null) {
                    legal.setCompanyID(buyer.legalRegistrationIdentifier().value())
                            .setSchemeID(buyer.legalRegistrationIdentifier().schemeId());
                }
                party.addPartyLegalEntity(legal);
            }
            party.setContact(contact(buyer.contact()));
            return customer;
        }

        private PartyType payee() {
            Payee payee = in.payee();
            if (payee == null) {
                return null;
            }
            PartyType party = new PartyType();
            if (payee.identifier() != null) {
                party.addPartyIdentification(partyIdentification(payee.identifier()));
            }
            addSepaCreditor(party);
            addPartyName(party, payee.name());
            if (payee.legalRegistrationIdentifier() != null) {
                PartyLegalEntityType legal = new PartyLegalEntityType();
                legal.setCompanyID(payee.legalRegistrationIdentifier().value())
                        .setSchemeID(payee.legalRegistrationIdentifier().schemeId());
                party.addPartyLegalEntity(legal);
            }
            return party;
        }

        // BT-90 is a party identifier with scheme "SEPA": on the payee when there is one, else on the seller.
        private void addSepaCreditor(PartyType party) {
            PaymentInstructions payment = in.paymentInstructions();
            DirectDebit debit = payment == null ? null : payment.directDebit();
            if (debit != null && debit.bankAssignedCreditorIdentifier() != null) {
                party.addPartyIdentification(partyIdentification(
                        Identifier.of(debit.bankAssignedCreditorIdentifier(), UblInvoiceReader.SEPA_SCHEME)));
            }
        }

        private PartyType taxRepresentative() {
            SellerTaxRepresentative representative = in.sellerTaxRepresentative();
            if (representative == null) {
                return null;
            }
            PartyType party = new PartyType();
            addPartyName(party, representative.name());
            party.setPostalAddress(address(representative.postalAddress()));
            addTaxScheme(party, representative.vatIdentifier(), profile.vatSchemeId());
            return party;
        }

        private List<DeliveryType> delivery() {
            DeliveryInformation delivery = in.delivery();
            List<DeliveryType> result = new ArrayList<>();
            if (delivery == null) {
                return result;
            }
            DeliveryType out = new DeliveryType();
            if (delivery.actualDeliveryDate() != null) {
                out.setActualDeliveryDate(delivery.actualDeliveryDate());
            }
            if (delivery.deliverToLocationIdentifier() != null || delivery.deliverToAddress() != null) {
                LocationType location = new LocationType();
                if (delivery.deliverToLocationIdentifier() != null) {
                    location.setID(id(delivery.deliverToLocationIdentifier()));
                }
                location.setAddress(address(delivery.deliverToAddress()));
                out.setDeliveryLocation(location);
            }
            if (delivery.deliverToPartyName() != null) {
                PartyType party = new PartyType();
                addPartyName(party, delivery.deliverToPartyName());
                out.setDeliveryParty(party);
            }
            result.add(out);
            return result;
        }

        private List<PaymentMeansType> paymentMeans(LocalDate creditNoteDueDate) {
            List<PaymentMeansType> result = new ArrayList<>();
            PaymentInstructions payment = in.paymentInstructions();
            if (payment == null) {
                if (creditNoteDueDate != null) {
                    PaymentMeansType means = new PaymentMeansType();
                    means.setPaymentMeansCode(UNDEFINED_PAYMENT_MEANS);
                    means.setPaymentDueDate(creditNoteDueDate);
                    result.add(means);
                }
                return result;
            }
            DirectDebit debit = payment.directDebit();
            boolean hasMeans = payment.paymentMeansTypeCode() != null || payment.paymentMeansText() != null
                    || payment.remittanceInformation() != null || !payment.creditTransfers().isEmpty()
                    || payment.paymentCard() != null || debit != null && (debit.mandateReferenceIdentifier() != null
                            || debit.debitedAccountIdentifier() != null)
                    || creditNoteDueDate != null;
            if (!hasMeans) {
                return result;
            }
            // BG-17 repeats; UBL repeats the whole PaymentMeans for each account.
            int count = Math.max(1, payment.creditTransfers().size());
            for (int i = 0; i < count; i++) {
                PaymentMeansType means = new PaymentMeansType();
                var code = means.setPaymentMeansCode(payment.paymentMeansTypeCode() == null ? UNDEFINED_PAYMENT_MEANS
                        : payment.paymentMeansTypeCode());
                // UBL-SR-46: the payment means text (BT-82) occurs once, on the first PaymentMeans
                if (i == 0 && payment.paymentMeansText() != null) {
                    code.setName(payment.paymentMeansText());
                }
                if (i == 0 && creditNoteDueDate != null) {
                    means.setPaymentDueDate(creditNoteDueDate);
                }
                if (payment.remittanceInformation() != null) {
                    means.addPaymentID(new PaymentIDType(payment.remittanceInformation()));
                }
                if (i == 0 && payment.paymentCard() != null) {
                    PaymentCard card = payment.paymentCard();
                    CardAccountType account = new CardAccountType();
                    account.setPrimaryAccountNumberID(card.primaryAccountNumber());
                    account.setNetworkID(UNKNOWN_CARD_NETWORK);
                    if (card.holderName() != null) {
                        account.setHolderName(card.holderName());
                    }
                    means.setCardAccount(account);
                }
                if (i < payment.creditTransfers().size()) {
                    means.setPayeeFinancialAccount(financialAccount(payment.creditTransfers().get(i)));
                }
                if (i == 0 && debit != null && (debit.mandateReferenceIdentifier() != null
                        || debit.debitedAccountIdentifier() != null)) {
                    PaymentMandateType mandate = new PaymentMandateType();
                    if (debit.mandateReferenceIdentifier() != null) {
                        mandate.setID(debit.mandateReferenceIdentifier());
                    }
                    if (debit.debitedAccountIdentifier() != null) {
                        FinancialAccountType account = new FinancialAccountType();
                        account.setID(debit.debitedAccountIdentifier());
                        mandate.setPayerFinancialAccount(account);
                    }
                    means.setPaymentMandate(mandate);
                }
                result.add(means);
            }
            return result;
        }

        private static FinancialAccountType financialAccount(CreditTransfer transfer) {
            FinancialAccountType account = new FinancialAccountType();
            if (transfer.paymentAccountIdentifier() != null) {
                account.setID(transfer.paymentAccountIdentifier());
            }
            if (transfer.paymentAccountName() != null) {
                account.setName(transfer.paymentAccountName());
            }
            if (transfer.paymentServiceProviderIdentifier() != null) {
                BranchType branch = new BranchType();
                branch.setID(transfer.paymentServiceProviderIdentifier());
                account.setFinancialInstitutionBranch(branch);
            }
            return account;
        }

        private List<PaymentTermsType> paymentTerms() {
            List<PaymentTermsType> result = new ArrayList<>();
            if (in.paymentTerms() != null) {
                PaymentTermsType terms = new PaymentTermsType();
                terms.addNote(new NoteType(in.paymentTerms()));
                result.add(terms);
            }
            return result;
        }

        private List<AllowanceChargeType> documentAllowanceCharges() {
            List<AllowanceChargeType> result = new ArrayList<>();
            for (DocumentAllowanceCharge allowance : in.allowances()) {
                result.add(documentAllowanceCharge(allowance, false));
            }
            for (DocumentAllowanceCharge charge : in.charges()) {
                result.add(documentAllowanceCharge(charge, true));
            }
            return result;
        }

        private AllowanceChargeType documentAllowanceCharge(DocumentAllowanceCharge ac, boolean charge) {
            AllowanceChargeType out = allowanceCharge(charge, ac.amount(), ac.baseAmount(), ac.percentage(),
                    ac.reason(), ac.reasonCode());
            if (ac.vatCategoryCode() != null || ac.vatRate() != null) {
                out.addTaxCategory(taxCategory(ac.vatCategoryCode(), ac.vatRate()));
            }
            return out;
        }

        private AllowanceChargeType allowanceCharge(boolean charge, BigDecimal amount, BigDecimal base,
                BigDecimal percentage, String reason, String reasonCode) {
            AllowanceChargeType out = new AllowanceChargeType();
            out.setChargeIndicator(charge);
            if (reasonCode != null) {
                out.setAllowanceChargeReasonCode(reasonCode);
            }
            if (reason != null) {
                out.addAllowanceChargeReason(new AllowanceChargeReasonType(reason));
            }
            if (percentage != null) {
                out.setMultiplierFactorNumeric(percentage);
            }
            out.setAmount(amount == null ? BigDecimal.ZERO : amount).setCurrencyID(currency);
            if (base != null) {
                out.setBaseAmount(base).setCurrencyID(currency);
            }
            return out;
        }

        private TaxCategoryType taxCategory(String code, BigDecimal rate) {
            TaxCategoryType category = new TaxCategoryType();
            if (code != null) {
                category.setID(code);
            }
            if (rate != null) {
                category.setPercent(rate);
            }
            category.setTaxScheme(taxScheme(profile.vatSchemeId()));
            return category;
        }

        private List<TaxTotalType> taxTotals() {
            List<TaxTotalType> result = new ArrayList<>();
            DocumentTotals totals = in.totals();
            BigDecimal vat = totals == null ? null : totals.invoiceTotalVatAmount();
            if (vat == null && !in.vatBreakdown().isEmpty()) {
                vat = in.vatBreakdown().stream().map(VatBreakdown::taxAmount).filter(v -> v != null)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
            }
            if (vat != null) {
                TaxTotalType total = new TaxTotalType();
                total.setTaxAmount(vat).setCurrencyID(currency);
                for (VatBreakdown breakdown : in.vatBreakdown()) {
                    total.addTaxSubtotal(taxSubtotal(breakdown));
                }
                result.add(total);
            }
            BigDecimal accounting = totals == null ? null : totals.invoiceTotalVatAmountInAccountingCurrency();
            if (accounting != null) {
                TaxTotalType total = new TaxTotalType();
                total.setTaxAmount(accounting).setCurrencyID(in.vatAccountingCurrencyCode());
                result.add(total);
            }
            return result;
        }

        private TaxSubtotalType taxSubtotal(VatBreakdown breakdown) {
            TaxSubtotalType subtotal = new TaxSubtotalType();
            if (breakdown.taxableAmount() != null) {
                subtotal.setTaxableAmount(breakdown.taxableAmount()).setCurrencyID(currency);
            }
            subtotal.setTaxAmount(breakdown.taxAmount() == null ? BigDecimal.ZERO : breakdown.taxAmount())
                    .setCurrencyID(currency);
            TaxCategoryType category = taxCategory(breakdown.categoryCode(), breakdown.rate());
            if (breakdown.exemptionReasonCode() != null) {
                category.setTaxExemptionReasonCode(breakdown.exemptionReasonCode());
            }
            if (breakdown.exemptionReason() != null) {
                category.addTaxExemptionReason(new TaxExemptionReasonType(breakdown.exemptionReason()));
            }
            subtotal.setTaxCategory(category);
            return subtotal;
        }

        private MonetaryTotalType monetaryTotal() {
            DocumentTotals totals = in.totals();
            MonetaryTotalType out = new MonetaryTotalType();
            if (totals == null) {
                return out;
            }
            if (totals.sumOfInvoiceLineNetAmount() != null) {
                out.setLineExtensionAmount(totals.sumOfInvoiceLineNetAmount()).setCurrencyID(currency);
            }
            if (totals.invoiceTotalAmountWithoutVat() != null) {
                out.setTaxExclusiveAmount(totals.invoiceTotalAmountWithoutVat()).setCurrencyID(currency);
            }
            if (totals.invoiceTotalAmountWithVat() != null) {
                out.setTaxInclusiveAmount(totals.invoiceTotalAmountWithVat()).setCurrencyID(currency);
            }
            if (totals.sumOfAllowancesOnDocumentLevel() != null) {
                out.setAllowanceTotalAmount(totals.sumOfAllowancesOnDocumentLevel()).setCurrencyID(currency);
            }
            if (totals.sumOfChargesOnDocumentLevel() != null) {
                out.setChargeTotalAmount(totals.sumOfChargesOnDocumentLevel()).setCurrencyID(currency);
            }
            if (totals.paidAmount() != null) {
                out.setPrepaidAmount(totals.paidAmount()).setCurrencyID(currency);
            }
            if (totals.roundingAmount() != null) {
                out.setPayableRoundingAmount(totals.roundingAmount()).setCurrencyID(currency);
            }
            if (totals.amountDueForPayment() != null) {
                out.setPayableAmount(totals.amountDueForPayment()).setCurrencyID(currency);
            }
            return out;
        }

        private InvoiceLineType invoiceLine(InvoiceLine line) {
            InvoiceLineType out = new InvoiceLineType();
            out.setID(line.identifier());
            if (line.note() != null) {
                out.addNote(new NoteType(line.note()));
            }
            if (line.invoicedQuantity() != null) {
                out.setInvoicedQuantity(line.invoicedQuantity()).setUnitCode(line.invoicedQuantityUnitCode());
            }
            if (line.netAmount() != null) {
                out.setLineExtensionAmount(line.netAmount()).setCurrencyID(currency);
            }
            out.setAccountingCost(accountingCost(line.buyerAccountingReference()));
            out.setInvoicePeriod(linePeriod(line));
            out.setOrderLineReference(orderLine(line));
            out.setDocumentReference(lineObject(line));
            out.setAllowanceCharge(lineAllowanceCharges(line));
            out.setItem(item(line));
            out.setPrice(price(line.priceDetails()));
            return out;
        }

        private CreditNoteLineType creditNoteLine(InvoiceLine line) {
            CreditNoteLineType out = new CreditNoteLineType();
            out.setID(line.identifier());
            if (line.note() != null) {
                out.addNote(new NoteType(line.note()));
            }
            if (line.invoicedQuantity() != null) {
                out.setCreditedQuantity(line.invoicedQuantity()).setUnitCode(line.invoicedQuantityUnitCode());
            }
            if (line.netAmount() != null) {
                out.setLineExtensionAmount(line.netAmount()).setCurrencyID(currency);
            }
            out.setAccountingCost(accountingCost(line.buyerAccountingReference()));
            out.setInvoicePeriod(linePeriod(line));
            out.setOrderLineReference(orderLine(line));
            out.setDocumentReference(lineObject(line));
            out.setAllowanceCharge(lineAllowanceCharges(line));
            out.setItem(item(line));
            out.setPrice(price(line.priceDetails()));
            return out;
        }

        private static List<PeriodType> linePeriod(InvoiceLine line) {
            List<PeriodType> result = new ArrayList<>();
            if (line.period() != null) {
                result.add(period(line.period()));
            }
            return result;
        }

        private static List<OrderLineReferenceType> orderLine(InvoiceLine line) {
            List<OrderLineReferenceType> result = new ArrayList<>();
            if (line.referencedPurchaseOrderLineReference() != null) {
                OrderLineReferenceType reference = new OrderLineReferenceType();
                reference.setLineID(line.referencedPurchaseOrderLineReference());
                result.add(reference);
            }
            return result;
        }

        private static List<DocumentReferenceType> lineObject(InvoiceLine line) {
            List<DocumentReferenceType> result = new ArrayList<>();
            if (line.objectIdentifier() != null) {
                DocumentReferenceType reference = new DocumentReferenceType();
                reference.setID(id(line.objectIdentifier()));
                reference.setDocumentTypeCode(UblInvoiceReader.INVOICED_OBJECT_TYPE);
                result.add(reference);
            }
            return result;
        }

        private List<AllowanceChargeType> lineAllowanceCharges(InvoiceLine line) {
            List<AllowanceChargeType> result = new ArrayList<>();
            for (LineAllowanceCharge ac : line.allowances()) {
                result.add(allowanceCharge(false, ac.amount(), ac.baseAmount(), ac.percentage(), ac.reason(),
                        ac.reasonCode()));
            }
            for (LineAllowanceCharge ac : line.charges()) {
                result.add(allowanceCharge(true, ac.amount(), ac.baseAmount(), ac.percentage(), ac.reason(),
                        ac.reasonCode()));
            }
            return result;
        }

        private ItemType item(InvoiceLine line) {
            ItemType out = new ItemType();
            ItemInformation item = line.item();
            if (item != null) {
                if (item.description() != null) {
                    out.addDescription(new DescriptionType(item.description()));
                }
                if (item.name() != null) {
                    out.setName(item.name());
                }
                out.setBuyersItemIdentification(itemIdentification(item.buyersIdentifier()));
                out.setSellersItemIdentification(itemIdentification(item.sellersIdentifier()));
                if (item.standardIdentifier() != null) {
                    ItemIdentificationType standard = new ItemIdentificationType();
                    standard.setID(id(item.standardIdentifier()));
                    out.setStandardItemIdentification(standard);
                }
                if (item.countryOfOrigin() != null) {
                    CountryType country = new CountryType();
                    country.setIdentificationCode(item.countryOfOrigin());
                    out.setOriginCountry(country);
                }
                for (Identifier classification : item.classificationIdentifiers()) {
                    CommodityClassificationType commodity = new CommodityClassificationType();
                    var code = commodity.setItemClassificationCode(classification.value());
                    code.setListID(classification.schemeId());
                    code.setListVersionID(classification.schemeVersionId());
                    out.addCommodityClassification(commodity);
                }
            }
            LineVatInformation vat = line.vatInformation();
            if (vat != null) {
                out.addClassifiedTaxCategory(taxCategory(vat.invoicedItemVatCategoryCode(), vat.invoicedItemVatRate()));
            }
            if (item != null) {
                for (ItemAttribute attribute : item.attributes()) {
                    ItemPropertyType property = new ItemPropertyType();
                    property.setName(attribute.name());
                    property.setValue(attribute.value());
                    out.addAdditionalItemProperty(property);
                }
            }
            return out;
        }

        private static ItemIdentificationType itemIdentification(String id) {
            if (id == null) {
                return null;
            }
            ItemIdentificationType identification = new ItemIdentificationType();
            identification.setID(id);
            return identification;
        }

        private PriceType price(PriceDetails details) {
            if (details == null || details.itemNetPrice() == null) {
                return null;
            }
            PriceType price = new PriceType();
            price.setPriceAmount(details.itemNetPrice()).setCurrencyID(currency);
            if (details.itemPriceBaseQuantity() != null) {
                price.setBaseQuantity(details.itemPriceBaseQuantity())
                        .setUnitCode(details.itemPriceBaseQuantityUnitCode());
            }
            // BT-147 / BT-148: the discount is the allowance amount, the gross price its base amount.
            if (details.itemPriceDiscount() != null || details.itemGrossPrice() != null) {
                price.addAllowanceCharge(allowanceCharge(false, details.itemPriceDiscount(), details.itemGrossPrice(),
                        null, null, null));
            }
            return price;
        }

        private static PeriodType period(Period period) {
            PeriodType out = new PeriodType();
            if (period != null && period.startDate() != null) {
                out.setStartDate(period.startDate());
            }
            if (period != null && period.endDate() != null) {
                out.setEndDate(period.endDate());
            }
            return out;
        }

        private static AddressType address(PostalAddress address) {
            if (address == null) {
                return null;
            }
            AddressType out = new AddressType();
            if (address.addressLine1() != null) {
                out.setStreetName(address.addressLine1());
            }
            if (address.addressLine2() != null) {
                out.setAdditionalStreetName(address.addressLine2());
            }
            if (address.city() != null) {
                out.setCityName(address.city());
            }
            if (address.postCode() != null) {
                out.setPostalZone(address.postCode());
            }
            if (address.countrySubdivision() != null) {
                out.setCountrySubentity(address.countrySubdivision());
            }
            if (address.addressLine3() != null) {
                AddressLineType line = new AddressLineType();
                line.setLine(address.addressLine3());
                out.addAddressLine(line);
            }
            if (address.countryCode() != null) {
                CountryType country = new CountryType();
                country.setIdentificationCode(address.countryCode());
                out.setCountry(country);
            }
            return out;
        }

        private static ContactType contact(Contact contact) {
            if (contact == null) {
                return null;
            }
            ContactType out = new ContactType();
            if (contact.contactPoint() != null) {
                out.setName(contact.contactPoint());
            }
            if (contact.telephoneNumber() != null) {
                out.setTelephone(contact.telephoneNumber());
            }
            if (contact.emailAddress() != null) {
                out.setElectronicMail(contact.emailAddress());
            }
            return out;
        }

        private static void addPartyName(PartyType party, String name) {
            if (name != null) {
                PartyNameType partyName = new PartyNameType();
                partyName.setName(name);
                party.addPartyName(partyName);
            }
        }

        private static void addTaxScheme(PartyType party, String companyId, String schemeId) {
            if (companyId != null) {
                PartyTaxSchemeType scheme = new PartyTaxSchemeType();
                scheme.setCompanyID(companyId);
                scheme.setTaxScheme(taxScheme(schemeId));
                party.addPartyTaxScheme(scheme);
            }
        }

        private static TaxSchemeType taxScheme(String id) {
            TaxSchemeType scheme = new TaxSchemeType();
            scheme.setID(id);
            return scheme;
        }

        private static PartyIdentificationType partyIdentification(Identifier identifier) {
            PartyIdentificationType identification = new PartyIdentificationType();
            identification.setID(id(identifier));
            return identification;
        }

        private static List<DocumentReferenceType> references(String id) {
            List<DocumentReferenceType> result = new ArrayList<>();
            if (id != null) {
                DocumentReferenceType reference = new DocumentReferenceType();
                reference.setID(id);
                result.add(reference);
            }
            return result;
        }

        private static AccountingCostType accountingCost(String value) {
            return value == null ? null : new AccountingCostType(value);
        }

        private static IDType id(String value) {
            return value == null ? null : new IDType(value);
        }

        private static IDType id(Identifier identifier) {
            IDType id = new IDType(identifier.value());
            id.setSchemeID(identifier.schemeId());
            return id;
        }
    }
}
