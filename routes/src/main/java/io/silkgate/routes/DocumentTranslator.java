package io.silkgate.routes;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.SecureJson;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.bol.BillOfLadingConverter;
import io.silkgate.schemas.bol.BillOfLadingCopy;
import io.silkgate.schemas.bol.TransportDocumentFacts;
import io.silkgate.schemas.en16931.ConversionReport;
import io.silkgate.schemas.en16931.ConversionResult;
import io.silkgate.schemas.en16931.ElectronicAddresses;
import io.silkgate.schemas.en16931.InvoiceConverter;
import io.silkgate.schemas.en16931.InvoiceFormat;
import io.silkgate.schemas.en16931.InvoiceFormats;
import io.silkgate.schemas.validation.InvoiceValidator;
import java.util.List;
import java.util.Set;

/**
 * Turns an accepted original into what a partner receives. The same format — or a UBL profile for a partner that
 * takes plain {@code ubl} — travels as the submitter's signed bytes, never re-serialised; anything else is read
 * into the EN 16931 model from a copy and written in the partner's format, with a report of what was dropped.
 */
public final class DocumentTranslator {

    private static final Set<String> UBL_BASED = Set.of("ubl", "peppol-bis3", "pint-sg", "pint-my", "pint-ae");

    /** An accepted PINT envelope: the eBL itself goes on only as an envelope; copies are of its transport document. */
    private static final String PINT_ENVELOPE = "dcsa-pint3";

    private final InvoiceConverter converter;
    private final InvoiceValidator validator;
    private final BillOfLadingConverter billOfLadingCopies = new BillOfLadingConverter();

    public DocumentTranslator(InvoiceValidator validator) {
        this(validator, ElectronicAddresses.NONE);
    }

    /** A translator that fills in electronic addresses the original lacks from the operator's directory. */
    public DocumentTranslator(InvoiceValidator validator, ElectronicAddresses addresses) {
        this.validator = validator;
        this.converter = new InvoiceConverter(addresses);
    }

    /** True when the original bytes go to the partner as they are. */
    public boolean passesThrough(String from, String to) {
        return from.equals(to) || (UBL_BASED.contains(from) && "ubl".equals(to));
    }

    public boolean canTranslate(String from, String to) {
        if (PINT_ENVELOPE.equals(from) || TransportDocumentFacts.FORMAT.equals(from)) {
            return from.equals(to) || BillOfLadingConverter.TARGETS.contains(to);
        }
        return passesThrough(from, to)
                || (InvoiceFormats.byId(from).filter(InvoiceFormat::canRead).isPresent()
                        && InvoiceFormats.byId(to).filter(InvoiceFormat::canWrite).isPresent());
    }

    /** Checked at intake, so a document is only accepted for partners it can really reach. */
    public void requireTranslation(String from, String to, String partner) {
        if (!canTranslate(from, to)) {
            throw new DocumentRejectedException(ErrorCode.NO_ROUTE, "partner " + partner + " receives " + to
                    + ", and there is no conversion from " + from + " to " + to);
        }
    }

    /** The partner's document; {@code report} is null when the original passes through. */
    public Translation translate(byte[] original, String from, String to) {
        if (passesThrough(from, to)) {
            // a signed JSON document passes on as its signed payload bytes (a JWS body is unwrapped, never rewritten)
            return new Translation(TransportDocumentFacts.FORMAT.equals(from) ? SignedJson.payloadOf(original)
                    : original, null);
        }
        requireTranslation(from, to, "?");
        if (PINT_ENVELOPE.equals(from)) {
            // a data copy of the transport document: the envelope itself (the title) is never rewritten
            BillOfLadingCopy copy = billOfLadingCopies.convert(SecureJson.parse(original).get("transportDocument"), to);
            return new Translation(copy.bytes(), new ConversionReport("dcsa-td3", to, copy.carried(), copy.dropped()));
        }
        if (TransportDocumentFacts.FORMAT.equals(from)) {
            BillOfLadingCopy copy = billOfLadingCopies.convert(SecureJson.parse(SignedJson.payloadOf(original)), to);
            return new Translation(copy.bytes(), new ConversionReport(from, to, copy.carried(), copy.dropped()));
        }
        ConversionResult result = converter.convert(SecureXml.parse(original).getDocumentElement(), from, to);
        return new Translation(result.document(), result.report());
    }

    /** Every error of a converted document against its format's rules (none when the format has no rule set). */
    public List<Problem> validateOutput(String format, byte[] document) {
        if (BillOfLadingConverter.TARGETS.contains(format)) {
            return BillOfLadingConverter.validateOutput(format, document);
        }
        if (!validator.formats().contains(format)) {
            return List.of();
        }
        return validator.validate(format, SecureXml.parse(document));
    }
}
