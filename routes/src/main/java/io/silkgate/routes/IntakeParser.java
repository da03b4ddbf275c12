package io.silkgate.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.ledger.DocumentRecord;
import io.silkgate.ledger.Ledger;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Format;
import io.silkgate.schemas.FormatCatalogue;
import io.silkgate.schemas.FormatDetector;
import io.silkgate.schemas.SecureJson;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.bol.TransportDocumentFacts;
import io.silkgate.schemas.en16931.InvoiceFormat;
import io.silkgate.schemas.en16931.InvoiceFormats;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.w3c.dom.Document;

/**
 * Intake step: hardened parse, format detection and the idempotency-key check. A repeat of an accepted
 * submission stops the route here with the first document's id.
 */
public final class IntakeParser implements Processor {

    /** The XML invoice formats of the catalogue that a registered format can read, and DCSA bills of lading. */
    public static final Set<String> ACCEPTED_FORMATS = Stream.concat(FormatCatalogue.all().stream()
            .filter(f -> f.input() && f.family() == Format.Family.INVOICE)
            .map(Format::id)
            .filter(id -> InvoiceFormats.byId(id).filter(InvoiceFormat::canRead).isPresent()),
            Stream.of(TransportDocumentFacts.FORMAT))
            .collect(Collectors.toUnmodifiableSet());

    private final Ledger ledger;
    private final DuplicateAnswer duplicates;

    public IntakeParser(Ledger ledger, DuplicateAnswer duplicates) {
        this.ledger = ledger;
        this.duplicates = duplicates;
    }

    @Override
    public void process(Exchange exchange) {
        IntakeContext ctx = exchange.getProperty(IntakeContext.PROPERTY, IntakeContext.class);
        Submission s = ctx.submission();
        if (s.idempotencyKey() != null) {
            Optional<DocumentRecord> first = ledger.findByIdempotencyKey(s.submitter(), s.idempotencyKey());
            if (first.isPresent()) {
                duplicates.stopWith(exchange, ctx, first.get());
                return;
            }
        }
        if (SignedJson.isJson(s.mediaType())) {
            parseJson(ctx, s);
            return;
        }
        Document doc = SecureXml.parse(s.body());
        String format = FormatDetector.detect(doc.getDocumentElement()).orElseThrow(() ->
                new DocumentRejectedException(ErrorCode.UNKNOWN_FORMAT, "not a known document format: root element {"
                        + doc.getDocumentElement().getNamespaceURI() + "}" + doc.getDocumentElement().getLocalName()));
        if (!ACCEPTED_FORMATS.contains(format)) {
            throw new DocumentRejectedException(ErrorCode.UNKNOWN_FORMAT, "format " + format
                    + " is recognised but not accepted by this build yet; accepted formats: "
                    + String.join(", ", new java.util.TreeSet<>(ACCEPTED_FORMATS)));
        }
        ctx.parsed(doc, format);
    }

    /** A bill of lading: the JSON itself, or the payload of the JWS that is the body (verified in the next step). */
    private static void parseJson(IntakeContext ctx, Submission s) {
        boolean jose = SignedJson.isJose(s.mediaType());
        if (jose && s.detachedSignature() != null) {
            throw new DocumentRejectedException(ErrorCode.MALFORMED, "an application/jose document carries its"
                    + " signature itself; send no 'signature' part with it");
        }
        JsonNode json = SecureJson.parse(jose ? SignedJson.submittedPayload(s.body()) : s.body());
        String format = FormatDetector.detectJson(json).orElseThrow(() -> new DocumentRejectedException(
                ErrorCode.UNKNOWN_FORMAT, "not a known JSON document format (a DCSA TransportDocument has"
                        + " transportDocumentReference and transportDocumentTypeCode)"));
        if (!TransportDocumentFacts.FORMAT.equals(format)) {
            throw new DocumentRejectedException(ErrorCode.UNKNOWN_FORMAT, "format " + format + " is not accepted"
                    + " here: DCSA PINT envelopes go to POST /pint/v3/envelopes");
        }
        ctx.parsedJson(json, format);
    }
}
