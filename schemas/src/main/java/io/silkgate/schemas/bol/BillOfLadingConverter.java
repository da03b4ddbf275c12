package io.silkgate.schemas.bol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureJson;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Writes copies of a valid DCSA eBL 3.0 TransportDocument in the bill-of-lading target formats ({@code iftmcs},
 * {@code fiata-efbl}, {@code dcsa-td3}), each with the report of what it carried and dropped. The source is checked
 * first and rejected (SCHEMA_INVALID / RULES_INVALID) when it breaks the DCSA rules. The signed original is never
 * touched: the copy is built from the parsed tree.
 */
public final class BillOfLadingConverter {

    /** The formats {@link #convert} writes. */
    public static final Set<String> TARGETS = Set.of("iftmcs", "fiata-efbl", "dcsa-td3");

    private final IftmcsWriter iftmcs;
    private final FiataEfblWriter fiata = new FiataEfblWriter();

    public BillOfLadingConverter() {
        this("SILKGATE", "DATACOPY", Clock.systemUTC());
    }

    /** With the interchange sender and recipient ids written into UNB and the clock for the preparation time. */
    public BillOfLadingConverter(String ediSender, String ediRecipient, Clock clock) {
        this.iftmcs = new IftmcsWriter(ediSender, ediRecipient, clock);
    }

    public BillOfLadingCopy convert(JsonNode td, String targetFormat) {
        if (!TARGETS.contains(targetFormat)) {
            throw new IllegalArgumentException("not a bill-of-lading target format: " + targetFormat);
        }
        TransportDocumentRules.requireStructure(td);
        TransportDocument model = TransportDocument.from(td);
        return switch (targetFormat) {
            case "iftmcs" -> iftmcs.write(td, model);
            case "fiata-efbl" -> fiata.write(td, model);
            default -> sameFormat(td);
        };
    }

    /** The problems of a copy in {@code format}, checked against that format's structure (empty when valid). */
    public static List<Problem> validateOutput(String format, byte[] bytes) {
        return switch (format) {
            case "iftmcs" -> IftmcsStructure.check(bytes);
            case "fiata-efbl" -> FiataEfblStructure.check(bytes);
            case "dcsa-td3" -> TransportDocumentRules.check(SecureJson.parse(bytes)).stream()
                    .map(RuleViolation::toProblem).toList();
            default -> throw new IllegalArgumentException("not a bill-of-lading format: " + format);
        };
    }

    private static BillOfLadingCopy sameFormat(JsonNode td) {
        CopyCoverage cover = new CopyCoverage("not carried");
        cover.carry("");
        cover.dropOutside("envelopeTransferChain", "the endorsement chain travels only in a DCSA PINT envelope; "
                + "this copy of the transport document carries no title");
        cover.dropOutside("issuanceManifestSignedContent", "the signatures cover the original bytes; a copy is "
                + "unsigned");
        CopyCoverage.Report report = cover.report(td);
        try {
            return new BillOfLadingCopy(SecureJson.mapper().writerWithDefaultPrettyPrinter()
                    .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsBytes(td),
                    "application/json", report.carried(), report.dropped());
        } catch (JsonProcessingException e) {
            throw new DocumentRejectedException(ErrorCode.MALFORMED, "cannot write the transport document: "
                    + e.getOriginalMessage());
        }
    }
}
