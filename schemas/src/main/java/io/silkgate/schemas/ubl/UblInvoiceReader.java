package io.silkgate.schemas.ubl;

import com.helger.diagnostics.error.IError;
import com.helger.diagnostics.error.list.ErrorList;
import com.helger.jaxb.validation.WrappedCollectingValidationEventHandler;
import com.helger.ubl21.UBL21Marshaller;
import com.helger.xsds.ccts.cct.schemamodule.NumericType;
import com.helger.xsds.ccts.cct.schemamodule.TextType;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.DomSaxReader;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.UnmarshallerPerThread;
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
import jakarta.xml.bind.JAXBException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.Source;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AllowanceChargeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AttachmentType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BillingReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CardAccountType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CommodityClassificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ContactType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CreditNoteLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DeliveryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DocumentReferenceType;
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
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_21.AmountType;
import oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_21.BinaryObjectType;
import oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_21.CodeType;
import oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_21.DateType;
import oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_21.IdentifierType;
import oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_21.QuantityType;
import org.w3c.dom.Element;

/**
 * Reads a UBL 2.1 Invoice or CreditNote (CEN/TS 16931-3-2 binding) into the EN 16931 model. The document must be
 * valid against the UBL 2.1 XSD; information outside EN 16931 is not kept.
 *
 * <p>JAXB reads the DOM through a {@link DomSaxReader} that leaves out {@code ext:UBLExtensions}: they hold no
 * EN 16931 term, and binding their open content (the enveloped signature) made JAXB create a new XSLT transformer
 * factory per element, a third of the cost of a read. The schema check still covers everything else; the
 * extensions are schema-checked with the whole document by the validation step.
 */
public final class UblInvoiceReader {

    static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    static final String EXTENSIONS_NS = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
    /** UNTDID 1001 document type that marks an AdditionalDocumentReference as BT-18 (invoiced object). */
    static final String INVOICED_OBJECT_TYPE = "130";
    /** UNTDID 1001 document type that carries BT-11 on a UBL 2.1 CreditNote (it has no ProjectReference). */
    static final String PROJECT_TYPE = "50";
    static final String SEPA_SCHEME = "SEPA";

    private static final Pattern SUBJECT_CODE = Pattern.compile("^#([A-Z]{3})#(.*)$", Pattern.DOTALL);
    private static final int MAX_PROBLEMS = 20;
    // ph-ubl's own context and schema, as its marshallers use them
    private static final UnmarshallerPerThread INVOICES = new UnmarshallerPerThread(
            UblDocumentSerializer.phUblContext(InvoiceType.class), UBL21Marshaller.invoice().getSchema());
    private static final UnmarshallerPerThread CREDIT_NOTES = new UnmarshallerPerThread(
            UblDocumentSerializer.phUblContext(CreditNoteType.class), UBL21Marshaller.creditNote().getSchema());

    /** The model of the UBL Invoice or CreditNote rooted at {@code root}; the DOM is not modified. */
    public Invoice read(Element root) {
        String ns = root.getNamespaceURI();
        String name = root.getLocalName();
        if (INVOICE_NS.equals(ns) && "Invoice".equals(name)) {
            ErrorList errors = new ErrorList();
            InvoiceType invoice = read(INVOICES, root, InvoiceType.class, errors);
            return fromInvoice(checked(invoice, errors));
        }
        if (CREDIT_NOTE_NS.equals(ns) && "CreditNote".equals(name)) {
            ErrorList errors = new ErrorList();
            CreditNoteType creditNote = read(CREDIT_NOTES, root, CreditNoteType.class, errors);
            return fromCreditNote(checked(creditNote, errors));
        }
        throw new DocumentRejectedException(ErrorCode.UNKNOWN_FORMAT,
                "not a UBL 2.1 Invoice or CreditNote: {" + ns + "}" + name);
    }

    /** The bound document, or null when JAXB gave up on it; {@code errors} receives every schema violation. */
    private static <T> T read(UnmarshallerPerThread unmarshaller, Element root, Class<T> type, ErrorList errors) {
        try {
            return unmarshaller.unmarshal(withoutExtensions(root), type,
                    new WrappedCollectingValidationEventHandler(errors)).getValue();
        } catch (JAXBException e) {
            return null;
        }
    }

    private static Source withoutExtensions(Element root) {
        return new DomSaxReader(root, element -> EXTENSIONS_NS.equals(element.getNamespaceURI())
                && "UBLExtensions".equals(element.getLocalName())).asSource(null);
    }

    private static <T> T checked(T document, ErrorList errors) {
        if (document != null) {
            return document;
        }
        List<Problem> problems = new ArrayList<>();
        for (IError error : errors) {
            if (problems.size() < MAX_PROBLEMS) {
                String location = error.hasErrorLocation() ? error.getErrorLocation().getAsString() : null;
                problems.add(Problem.at(ErrorCode.SCHEMA_INVALID, error.getErrorText(Locale.ROOT), location));
            }
        }
        if (problems.isEmpty()) {
            problems.add(Problem.of(ErrorCode.SCHEMA_INVALID, "the document does not match the UBL 2.1 schema"));
        }
        throw new DocumentRejectedException(ErrorCode.SCHEMA_INVALID,
                "UBL 2.1 schema violation: " + problems.get(0).message(), problems);
    }

    /** The header parts shared by Invoice and CreditNote, so that one mapping serves both roots. */
    private record Header(
            String id, DateType issueDate, CodeType typeCode, DateType dueDate, List<NoteType> notes,
            DateType taxPointDate, CodeType currency, CodeType taxCurrency, TextType accountingCost,
            TextType buyerReference, List<PeriodType> periods, OrderReferenceType orderReference,
            List<BillingReferenceType> billingReferences, List<DocumentReferenceType> despatch,
            List<DocumentReferenceType> receipt, List<DocumentReferenceType> originator,
            List<DocumentReferenceType> contract, List<DocumentReferenceType> additional,
            List<ProjectReferenceType> projects, SupplierPartyType supplier, CustomerPartyType customer,
            PartyType payee, PartyType taxRepresentative, List<DeliveryType> deliveries,
            List<PaymentMeansType> paymentMeans, List<PaymentTermsType> paymentTerms,
            List<AllowanceChargeType> allowanceCharges, List<TaxTotalType> taxTotals, MonetaryTotalType totals,
            IdentifierType customizationId, IdentifierType profileId) {
    }

    /** The parts shared by InvoiceLine and CreditNoteLine. */
    private record Line(
            IdentifierType id, List<NoteType> notes, QuantityType quantity, AmountType lineExtension,
            TextType accountingCost, List<PeriodType> periods, List<OrderLineReferenceType> orderLines,
            List<DocumentReferenceType> documents, List<AllowanceChargeType> allowanceCharges, ItemType item,
            PriceType price) {
    }

    private Invoice fromInvoice(InvoiceType in) {
        Header header = new Header(value(in.getID()), in.getIssueDate(), in.getInvoiceTypeCode(), in.getDueDate(),
                in.getNote(), in.getTaxPointDate(), in.getDocumentCurrencyCode(), in.getTaxCurrencyCode(),
                in.getAccountingCost(), in.getBuyerReference(), in.getInvoicePeriod(), in.getOrderReference(),
                in.getBillingReference(), in.getDespatchDocumentReference(), in.getReceiptDocumentReference(),
                in.getOriginatorDocumentReference(), in.getContractDocumentReference(),
                in.getAdditionalDocumentReference(), in.getProjectReference(), in.getAccountingSupplierParty(),
                in.getAccountingCustomerParty(), in.getPayeeParty(), in.getTaxRepresentativeParty(),
                in.getDelivery(), in.getPaymentMeans(), in.getPaymentTerms(), in.getAllowanceCharge(),
                in.getTaxTotal(), in.getLegalMonetaryTotal(), in.getCustomizationID(), in.getProfileID());
        List<Line> lines = new ArrayList<>();
        for (InvoiceLineType line : in.getInvoiceLine()) {
            lines.add(new Line(line.getID(), line.getNote(), line.getInvoicedQuantity(),
                    line.getLineExtensionAmount(), line.getAccountingCost(), line.getInvoicePeriod(),
                    line.getOrderLineReference(), line.getDocumentReference(), line.getAllowanceCharge(),
                    line.getItem(), line.getPrice()));
        }
        return map(header, lines, false);
    }

    private Invoice fromCreditNote(CreditNoteType in) {
        Header header = new Header(value(in.getID()), in.getIssueDate(), in.getCreditNoteTypeCode(), null,
                in.getNote(), in.getTaxPointDate(), in.getDocumentCurrencyCode(), in.getTaxCurrencyCode(),
                in.getAccountingCost(), in.getBuyerReference(), in.getInvoicePeriod(), in.getOrderReference(),
                in.getBillingReference(), in.getDespatchDocumentReference(), in.getReceiptDocumentReference(),
                in.getOriginatorDocumentReference(), in.getContractDocumentReference(),
                in.getAdditionalDocumentReference(), List.of(), in.getAccountingSupplierParty(),
                in.getAccountingCustomerParty(), in.getPayeeParty(), in.getTaxRepresentativeParty(),
                in.getDelivery(), in.getPaymentMeans(), in.getPaymentTerms(), in.getAllowanceCharge(),
                in.getTaxTotal(), in.getLegalMonetaryTotal(), in.getCustomizationID(), in.getProfileID());
        List<Line> lines = new ArrayList<>();
        for (CreditNoteLineType line : in.getCreditNoteLine()) {
            lines.add(new Line(line.getID(), line.getNote(), line.getCreditedQuantity(),
                    line.getLineExtensionAmount(), line.getAccountingCost(), line.getInvoicePeriod(),
                    line.getOrderLineReference(), line.getDocumentReference(), line.getAllowanceCharge(),
                    line.getItem(), line.getPrice()));
        }
        return map(header, lines, true);
    }

    private Invoice map(Header h, List<Line> rawLines, boolean creditNote) {
        PeriodType period = first(h.periods());
        OrderReferenceType order = h.orderReference();
        String salesOrder = order == null ? null : value(order.getSalesOrderID());
        String purchaseOrder = order == null ? null : value(order.getID());
        // The writer fills the mandatory OrderReference/ID with "NA" when only BT-14 exists (Peppol's convention).
        if (salesOrder != null && UblInvoiceWriter.NO_ORDER_ID.equals(purchaseOrder)) {
            purchaseOrder = null;
        }
        String projectReference = null;
        Identifier invoicedObject = null;
        List<SupportingDocument> supporting = new ArrayList<>();
        for (DocumentReferenceType reference : h.additional()) {
            String type = value(reference.getDocumentTypeCode());
            if (INVOICED_OBJECT_TYPE.equals(type) && invoicedObject == null) {
                invoicedObject = identifier(reference.getID());
            } else if (creditNote && PROJECT_TYPE.equals(type) && projectReference == null) {
                projectReference = value(reference.getID());
            } else {
                supporting.add(supportingDocument(reference));
            }
        }
        if (!creditNote) {
            ProjectReferenceType project = first(h.projects());
            projectReference = project == null ? null : value(project.getID());
        }
        PaymentMeansType firstMeans = first(h.paymentMeans());
        LocalDate dueDate = date(h.dueDate());
        if (dueDate == null && firstMeans != null) {
            dueDate = date(firstMeans.getPaymentDueDate());
        }
        PaymentTermsType terms = first(h.paymentTerms());
        List<PrecedingInvoiceReference> preceding = new ArrayList<>();
        for (BillingReferenceType billing : h.billingReferences()) {
            DocumentReferenceType reference = billing.getInvoiceDocumentReference();
            if (reference != null) {
                preceding.add(new PrecedingInvoiceReference(value(reference.getID()), date(reference.getIssueDate())));
            }
        }
        List<DocumentAllowanceCharge> allowances = new ArrayList<>();
        List<DocumentAllowanceCharge> charges = new ArrayList<>();
        for (AllowanceChargeType ac : h.allowanceCharges()) {
            TaxCategoryType category = first(ac.getTaxCategory());
            DocumentAllowanceCharge mapped = new DocumentAllowanceCharge(amount(ac.getAmount()),
                    amount(ac.getBaseAmount()), numeric(ac.getMultiplierFactorNumeric()),
                    category == null ? null : value(category.getID()),
                    category == null ? null : numeric(category.getPercent()), firstText(ac.getAllowanceChargeReason()),
                    value(ac.getAllowanceChargeReasonCode()));
            (isCharge(ac) ? charges : allowances).add(mapped);
        }
        String currency = value(h.currency());
        String taxCurrency = value(h.taxCurrency());
        ProcessControl processControl = null;
        if (h.customizationId() != null || h.profileId() != null) {
            processControl = new ProcessControl(value(h.profileId()), value(h.customizationId()));
            if (processControl.businessProcessType() == null && processControl.specificationIdentifier() == null) {
                processControl = null;
            }
        }
        List<InvoiceLine> lines = new ArrayList<>(rawLines.size());
        for (Line line : rawLines) {
            lines.add(line(line));
        }
        PartyType payeeParty = h.payee();
        return new Invoice(h.id(), date(h.issueDate()), value(h.typeCode()), currency, taxCurrency,
                date(h.taxPointDate()), period == null ? null : value(first(period.getDescriptionCode())), dueDate,
                value(h.buyerReference()), projectReference, documentId(h.contract()), purchaseOrder, salesOrder,
                documentId(h.receipt()), documentId(h.despatch()), documentId(h.originator()), invoicedObject,
                value(h.accountingCost()), terms == null ? null : firstText(terms.getNote()), notes(h.notes()),
                processControl, preceding, seller(h.supplier()), buyer(h.customer()), payee(payeeParty),
                taxRepresentative(h.taxRepresentative()), delivery(first(h.deliveries())), period(period),
                payment(h.paymentMeans(), h.supplier(), payeeParty), allowances, charges,
                totals(h.totals(), h.taxTotals(), currency, taxCurrency), vatBreakdown(h.taxTotals(), currency),
                supporting, lines);
    }

    private static List<InvoiceNote> notes(List<NoteType> notes) {
        List<InvoiceNote> result = new ArrayList<>();
        for (NoteType note : notes) {
            String text = note.getValue();
            if (text == null || text.isEmpty()) {
                continue;
            }
            Matcher matcher = SUBJECT_CODE.matcher(text);
            result.add(matcher.matches() ? new InvoiceNote(matcher.group(1), matcher.group(2))
                    : new InvoiceNote(null, text));
        }
        return result;
    }

    private static SupportingDocument supportingDocument(DocumentReferenceType reference) {
        AttachmentType attachment = reference.getAttachment();
        String uri = null;
        BinaryObject binary = null;
        if (attachment != null) {
            if (attachment.getExternalReference() != null) {
                uri = value(attachment.getExternalReference().getURI());
            }
            BinaryObjectType embedded = attachment.getEmbeddedDocumentBinaryObject();
            if (embedded != null && embedded.getValue() != null) {
                binary = new BinaryObject(embedded.getValue(), text(embedded.getMimeCode()),
                        text(embedded.getFilename()));
            }
        }
        return new SupportingDocument(value(reference.getID()), firstText(reference.getDocumentDescription()), uri,
                binary);
    }

    private static Seller seller(SupplierPartyType supplier) {
        PartyType party = supplier == null ? null : supplier.getParty();
        if (party == null) {
            return null;
        }
        List<Identifier> identifiers = new ArrayList<>();
        for (PartyIdentificationType identification : party.getPartyIdentification()) {
            Identifier id = identifier(identification.getID());
            if (id != null && !SEPA_SCHEME.equals(id.schemeId())) {
                identifiers.add(id);
            }
        }
        PartyTaxSchemeType vat = vatScheme(party.getPartyTaxScheme());
        PartyTaxSchemeType registration = null;
        for (PartyTaxSchemeType scheme : party.getPartyTaxScheme()) {
            if (scheme != vat && registration == null) {
                registration = scheme;
            }
        }
        PartyLegalEntityType legal = first(party.getPartyLegalEntity());
        return nonEmpty(new Seller(legal == null ? null : value(legal.getRegistrationName()), partyName(party), identifiers,
                legal == null ? null : identifier(legal.getCompanyID()),
                vat == null ? null : value(vat.getCompanyID()),
                registration == null ? null : value(registration.getCompanyID()),
                legal == null ? null : value(legal.getCompanyLegalForm()), identifier(party.getEndpointID()),
                address(party.getPostalAddress()), contact(party.getContact())),
                new Seller(null, null, null, null, null, null, null, null, null, null));
    }

    private static Buyer buyer(CustomerPartyType customer) {
        PartyType party = customer == null ? null : customer.getParty();
        if (party == null) {
            return null;
        }
        PartyIdentificationType identification = first(party.getPartyIdentification());
        PartyTaxSchemeType vat = vatScheme(party.getPartyTaxScheme());
        if (vat == null) {
            vat = first(party.getPartyTaxScheme());
        }
        PartyLegalEntityType legal = first(party.getPartyLegalEntity());
        return nonEmpty(new Buyer(legal == null ? null : value(legal.getRegistrationName()), partyName(party),
                identification == null ? null : identifier(identification.getID()),
                legal == null ? null : identifier(legal.getCompanyID()),
                vat == null ? null : value(vat.getCompanyID()), identifier(party.getEndpointID()),
                address(party.getPostalAddress()), contact(party.getContact())),
                new Buyer(null, null, null, null, null, null, null, null));
    }

    private static Payee payee(PartyType party) {
        if (party == null) {
            return null;
        }
        Identifier identifier = null;
        for (PartyIdentificationType identification : party.getPartyIdentification()) {
            Identifier id = identifier(identification.getID());
            if (id != null && !SEPA_SCHEME.equals(id.schemeId()) && identifier == null) {
                identifier = id;
            }
        }
        PartyLegalEntityType legal = first(party.getPartyLegalEntity());
        return nonEmpty(new Payee(partyName(party), identifier,
                legal == null ? null : identifier(legal.getCompanyID())), new Payee(null, null, null));
    }

    private static SellerTaxRepresentative taxRepresentative(PartyType party) {
        if (party == null) {
            return null;
        }
        PartyTaxSchemeType vat = vatScheme(party.getPartyTaxScheme());
        if (vat == null) {
            vat = first(party.getPartyTaxScheme());
        }
        return nonEmpty(new SellerTaxRepresentative(partyName(party), vat == null ? null : value(vat.getCompanyID()),
                address(party.getPostalAddress())), new SellerTaxRepresentative(null, null, null));
    }

    // BT-31/48/63 are the VAT-type registration: scheme "VAT", or "GST" where a PINT jurisdiction names it so.
    private static PartyTaxSchemeType vatScheme(List<PartyTaxSchemeType> schemes) {
        for (String wanted : new String[] {"VAT", "GST"}) {
            for (PartyTaxSchemeType scheme : schemes) {
                if (scheme.getTaxScheme() != null && wanted.equals(value(scheme.getTaxScheme().getID()))) {
                    return scheme;
                }
            }
        }
        return null;
    }

    private static String partyName(PartyType party) {
        PartyNameType name = first(party.getPartyName());
        return name == null ? null : value(name.getName());
    }

    private static PostalAddress address(AddressType address) {
        if (address == null) {
            return null;
        }
        var line = first(address.getAddressLine());
        return nonEmpty(new PostalAddress(value(address.getStreetName()), value(address.getAdditionalStreetName()),
                line == null ? null : value(line.getLine()), value(address.getCityName()),
                value(address.getPostalZone()), value(address.getCountrySubentity()),
                address.getCountry() == null ? null : value(address.getCountry().getIdentificationCode())),
                new PostalAddress(null, null, null, null, null, null, null));
    }

    private static Contact contact(ContactType contact) {
        if (contact == null) {
            return null;
        }
        return nonEmpty(new Contact(value(contact.getName()), value(contact.getTelephone()),
                value(contact.getElectronicMail())), new Contact(null, null, null));
    }

    private static DeliveryInformation delivery(DeliveryType delivery) {
        if (delivery == null) {
            return null;
        }
        LocationType location = delivery.getDeliveryLocation();
        String partyName = delivery.getDeliveryParty() == null ? null : partyName(delivery.getDeliveryParty());
        return nonEmpty(new DeliveryInformation(partyName, location == null ? null : identifier(location.getID()),
                date(delivery.getActualDeliveryDate()), location == null ? null : address(location.getAddress())),
                new DeliveryInformation(null, null, null, null));
    }

    private static Period period(PeriodType period) {
        if (period == null || period.getStartDate() == null && period.getEndDate() == null) {
            return null;
        }
        return new Period(date(period.getStartDate()), date(period.getEndDate()));
    }

    private static PaymentInstructions payment(List<PaymentMeansType> means, SupplierPartyType supplier,
            PartyType payee) {
        String creditor = sepaCreditor(payee);
        if (creditor == null && supplier != null) {
            creditor = sepaCreditor(supplier.getParty());
        }
        if (means.isEmpty() && creditor == null) {
            return null;
        }
        String code = null;
        String text = null;
        String remittance = null;
        List<CreditTransfer> transfers = new ArrayList<>();
        PaymentCard card = null;
        String mandate = null;
        String debited = null;
        // The binding repeats PaymentMeans once per credit account (BG-17 is 0..n, BT-81..83 once).
        for (PaymentMeansType pm : means) {
            if (code == null && pm.getPaymentMeansCode() != null) {
                code = value(pm.getPaymentMeansCode());
                text = text(pm.getPaymentMeansCode().getName());
            }
            if (remittance == null) {
                remittance = value(first(pm.getPaymentID()));
            }
            FinancialAccountType account = pm.getPayeeFinancialAccount();
            if (account != null) {
                transfers.add(new CreditTransfer(value(account.getID()), value(account.getName()),
                        account.getFinancialInstitutionBranch() == null ? null
                                : value(account.getFinancialInstitutionBranch().getID())));
            }
            CardAccountType cardAccount = pm.getCardAccount();
            if (cardAccount != null && card == null) {
                card = new PaymentCard(value(cardAccount.getPrimaryAccountNumberID()),
                        value(cardAccount.getHolderName()));
            }
            PaymentMandateType paymentMandate = pm.getPaymentMandate();
            if (paymentMandate != null && mandate == null && debited == null) {
                mandate = value(paymentMandate.getID());
                debited = paymentMandate.getPayerFinancialAccount() == null ? null
                        : value(paymentMandate.getPayerFinancialAccount().getID());
            }
        }
        DirectDebit debit = mandate == null && debited == null && creditor == null ? null
                : new DirectDebit(mandate, creditor, debited);
        return new PaymentInstructions(code, text, remittance, transfers, card, debit);
    }

    private static String sepaCreditor(PartyType party) {
        if (party == null) {
            return null;
        }
        for (PartyIdentificationType identification : party.getPartyIdentification()) {
            Identifier id = identifier(identification.getID());
            if (id != null && SEPA_SCHEME.equals(id.schemeId())) {
                return id.value();
            }
        }
        return null;
    }

    private static DocumentTotals totals(MonetaryTotalType total, List<TaxTotalType> taxTotals, String currency,
            String taxCurrency) {
        BigDecimal vat = null;
        BigDecimal vatInAccountingCurrency = null;
        for (TaxTotalType taxTotal : taxTotals) {
            AmountType amount = taxTotal.getTaxAmount();
            if (amount == null) {
                continue;
            }
            boolean accounting = taxCurrency != null && !taxCurrency.equals(currency)
                    && taxCurrency.equals(amount.getCurrencyID());
            if (accounting && vatInAccountingCurrency == null) {
                vatInAccountingCurrency = amount.getValue();
            } else if (!accounting && vat == null) {
                vat = amount.getValue();
            }
        }
        if (total == null) {
            return vat == null && vatInAccountingCurrency == null ? null
                    : new DocumentTotals(null, null, null, null, vat, vatInAccountingCurrency, null, null, null, null);
        }
        return new DocumentTotals(amount(total.getLineExtensionAmount()), amount(total.getAllowanceTotalAmount()),
                amount(total.getChargeTotalAmount()), amount(total.getTaxExclusiveAmount()), vat,
                vatInAccountingCurrency, amount(total.getTaxInclusiveAmount()), amount(total.getPrepaidAmount()),
                amount(total.getPayableRoundingAmount()), amount(total.getPayableAmount()));
    }

    private static List<VatBreakdown> vatBreakdown(List<TaxTotalType> taxTotals, String currency) {
        List<VatBreakdown> result = new ArrayList<>();
        for (TaxTotalType taxTotal : taxTotals) {
            for (TaxSubtotalType subtotal : taxTotal.getTaxSubtotal()) {
                TaxCategoryType category = subtotal.getTaxCategory();
                result.add(new VatBreakdown(amount(subtotal.getTaxableAmount()), amount(subtotal.getTaxAmount()),
                        category == null ? null : value(category.getID()),
                        category == null ? null : numeric(category.getPercent()),
                        category == null ? null : firstText(category.getTaxExemptionReason()),
                        category == null ? null : value(category.getTaxExemptionReasonCode())));
            }
        }
        return result;
    }

    private static InvoiceLine line(Line line) {
        List<LineAllowanceCharge> allowances = new ArrayList<>();
        List<LineAllowanceCharge> charges = new ArrayList<>();
        for (AllowanceChargeType ac : line.allowanceCharges()) {
            LineAllowanceCharge mapped = new LineAllowanceCharge(amount(ac.getAmount()), amount(ac.getBaseAmount()),
                    numeric(ac.getMultiplierFactorNumeric()), firstText(ac.getAllowanceChargeReason()),
                    value(ac.getAllowanceChargeReasonCode()));
            (isCharge(ac) ? charges : allowances).add(mapped);
        }
        // BT-128 is the reference typed 130; an untyped one counts only when there is none (PINT uses untyped line
        // references for its own line document term).
        Identifier objectIdentifier = null;
        Identifier untyped = null;
        for (DocumentReferenceType reference : line.documents()) {
            String type = value(reference.getDocumentTypeCode());
            if (objectIdentifier == null && INVOICED_OBJECT_TYPE.equals(type)) {
                objectIdentifier = identifier(reference.getID());
            } else if (untyped == null && type == null) {
                untyped = identifier(reference.getID());
            }
        }
        if (objectIdentifier == null) {
            objectIdentifier = untyped;
        }
        OrderLineReferenceType orderLine = first(line.orderLines());
        QuantityType quantity = line.quantity();
        return new InvoiceLine(value(line.id()), firstText(line.notes()), objectIdentifier,
                quantity == null ? null : quantity.getValue(), quantity == null ? null : text(quantity.getUnitCode()),
                amount(line.lineExtension()), orderLine == null ? null : value(orderLine.getLineID()),
                value(line.accountingCost()), period(first(line.periods())), allowances, charges,
                price(line.price()), lineVat(line.item()), item(line.item()));
    }

    private static PriceDetails price(PriceType price) {
        if (price == null) {
            return null;
        }
        AllowanceChargeType discount = null;
        for (AllowanceChargeType ac : price.getAllowanceCharge()) {
            if (!isCharge(ac) && discount == null) {
                discount = ac;
            }
        }
        QuantityType base = price.getBaseQuantity();
        return new PriceDetails(amount(price.getPriceAmount()), discount == null ? null : amount(discount.getAmount()),
                discount == null ? null : amount(discount.getBaseAmount()), base == null ? null : base.getValue(),
                base == null ? null : text(base.getUnitCode()));
    }

    private static LineVatInformation lineVat(ItemType item) {
        TaxCategoryType category = item == null ? null : first(item.getClassifiedTaxCategory());
        if (category == null) {
            return null;
        }
        return new LineVatInformation(value(category.getID()), numeric(category.getPercent()));
    }

    private static ItemInformation item(ItemType item) {
        if (item == null) {
            return null;
        }
        List<Identifier> classifications = new ArrayList<>();
        for (CommodityClassificationType classification : item.getCommodityClassification()) {
            CodeType code = classification.getItemClassificationCode();
            if (code != null && text(code.getValue()) != null) {
                classifications.add(new Identifier(code.getValue(), text(code.getListID()),
                        text(code.getListVersionID())));
            }
        }
        List<ItemAttribute> attributes = new ArrayList<>();
        for (ItemPropertyType property : item.getAdditionalItemProperty()) {
            attributes.add(new ItemAttribute(value(property.getName()), value(property.getValue())));
        }
        return new ItemInformation(value(item.getName()), firstText(item.getDescription()),
                itemId(item.getSellersItemIdentification()), itemId(item.getBuyersItemIdentification()),
                item.getStandardItemIdentification() == null ? null
                        : identifier(item.getStandardItemIdentification().getID()),
                classifications, item.getOriginCountry() == null ? null
                        : value(item.getOriginCountry().getIdentificationCode()),
                attributes);
    }

    private static String itemId(ItemIdentificationType identification) {
        return identification == null ? null : value(identification.getID());
    }

    private static boolean isCharge(AllowanceChargeType ac) {
        return ac.getChargeIndicator() != null && ac.getChargeIndicator().isValue();
    }

    private static String documentId(List<DocumentReferenceType> references) {
        DocumentReferenceType reference = first(references);
        return reference == null ? null : value(reference.getID());
    }

    private static Identifier identifier(IdentifierType id) {
        String value = id == null ? null : text(id.getValue());
        return value == null ? null : new Identifier(value, text(id.getSchemeID()), null);
    }

    private static String value(IdentifierType id) {
        return id == null ? null : text(id.getValue());
    }

    private static String value(CodeType code) {
        return code == null ? null : text(code.getValue());
    }

    private static String value(TextType text) {
        return text == null ? null : text(text.getValue());
    }

    private static String firstText(List<? extends TextType> texts) {
        for (TextType text : texts) {
            String value = value(text);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static BigDecimal amount(AmountType amount) {
        return amount == null ? null : amount.getValue();
    }

    private static BigDecimal numeric(NumericType numeric) {
        return numeric == null ? null : numeric.getValue();
    }

    private static LocalDate date(DateType date) {
        return date == null ? null : date.getValueLocal();
    }

    // Blank values carry nothing; non-blank text is kept exactly as written.
    private static String text(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    // UBL requires some containers (e.g. AccountingCustomerParty/Party) even when EN 16931 has nothing to put in them;
    // an empty container is the same as an absent group.
    private static <T> T nonEmpty(T group, T empty) {
        return group.equals(empty) ? null : group;
    }

    private static <T> T first(List<T> list) {
        return list == null || list.isEmpty() ? null : list.get(0);
    }
}
