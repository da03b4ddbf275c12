package io.silkgate.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.FormatCatalogue;
import io.silkgate.schemas.FormatDetector;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureJson;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.bol.RuleViolation;
import io.silkgate.schemas.bol.TransportDocumentRules;
import io.silkgate.schemas.validation.InvoiceValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.w3c.dom.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code silkgate validate}: the syntax (XSD / JSON structure) and business rules of a document; JSON report on stdout. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate a document against its format's schema and business rules.")
final class ValidateCommand implements Callable<Integer> {

    /** The JSON format this build validates (DCSA eBL 3.0 TransportDocument). */
    private static final String JSON_RULES = "dcsa-td3";
    private static final String PINT_ENVELOPE = "dcsa-pint3";
    private static final java.util.regex.Pattern COMPACT_JWS =
            java.util.regex.Pattern.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$");

    @Option(names = "--profile", paramLabel = "FORMAT", description = "validate as this format (default: detected)")
    String profile;

    @Parameters(paramLabel = "FILE|-")
    String file;

    @Override
    public Integer call() {
        InvoiceValidator validator = new InvoiceValidator();
        if (profile != null) {
            requireValidatable(validator, profile);
        }
        InputDocument input = InputDocument.read(file);
        Report report = new Report(profile);
        if (FormatDetector.looksLikeJson(input.bytes())) {
            return validateJson(input, report);
        }
        Document doc;
        try {
            doc = SecureXml.parse(input.bytes());
        } catch (DocumentRejectedException e) {
            return report.errors(e.problems()).print();
        }
        String format = profile != null ? profile : FormatDetector.detect(doc.getDocumentElement()).orElse(null);
        if (format == null) {
            return report.error(Problem.of(ErrorCode.UNKNOWN_FORMAT, "not a known document format")).print();
        }
        requireValidatable(validator, format);
        report.format(format);
        if (JSON_RULES.equals(format)) {
            return report.error(Problem.of(ErrorCode.SCHEMA_INVALID, format + " is a JSON format; this input is XML"))
                    .print();
        }
        return report.errors(validator.validate(format, doc)).print();
    }

    /** JSON documents: the DCSA eBL 3.0 TransportDocument schema and conditional rules, with JSON pointers. */
    private int validateJson(InputDocument input, Report report) {
        JsonNode root;
        try {
            root = SecureJson.parse(input.bytes());
        } catch (DocumentRejectedException e) {
            return report.errors(e.problems()).print();
        }
        String format = profile != null ? profile : FormatDetector.detectJson(root).orElse(null);
        if (format == null) {
            return report.error(Problem.of(ErrorCode.UNKNOWN_FORMAT, "not a known document format")).print();
        }
        if (PINT_ENVELOPE.equals(format)) {
            report.format(format);
            return report.errors(envelopeProblems(root)).print();
        }
        if (!JSON_RULES.equals(format)) {
            throw new SilkgateCommand.UsageException("validation of " + format + " is not supported by this build; "
                    + "JSON documents are validated as " + JSON_RULES + " or " + PINT_ENVELOPE);
        }
        report.format(format);
        return report.errors(TransportDocumentRules.check(root).stream().map(RuleViolation::toProblem).toList())
                .print();
    }

    // The envelope's shape and its transport document's rules; the signatures and checksums are verify's job.
    private static List<Problem> envelopeProblems(JsonNode envelope) {
        List<Problem> problems = new ArrayList<>();
        if (!COMPACT_JWS.matcher(envelope.path("envelopeManifestSignedContent").asText("")).matches()) {
            problems.add(Problem.at(ErrorCode.SCHEMA_INVALID, "envelopeManifestSignedContent must be a JWS in compact "
                    + "serialisation", "/envelopeManifestSignedContent"));
        }
        JsonNode chain = envelope.path("envelopeTransferChain");
        if (!chain.isArray() || chain.isEmpty()) {
            problems.add(Problem.at(ErrorCode.SCHEMA_INVALID, "envelopeTransferChain must list at least one entry",
                    "/envelopeTransferChain"));
        } else {
            for (int i = 0; i < chain.size(); i++) {
                if (!chain.get(i).isTextual() || !COMPACT_JWS.matcher(chain.get(i).asText()).matches()) {
                    problems.add(Problem.at(ErrorCode.SCHEMA_INVALID, "a chain entry must be a JWS in compact "
                            + "serialisation", "/envelopeTransferChain/" + i));
                }
            }
        }
        JsonNode td = envelope.path("transportDocument");
        if (!td.isObject()) {
            problems.add(Problem.at(ErrorCode.SCHEMA_INVALID, "transportDocument must be an object",
                    "/transportDocument"));
            return problems;
        }
        for (RuleViolation v : TransportDocumentRules.check(td)) {
            Problem p = v.toProblem();
            problems.add(new Problem(p.code(), p.message(), "/transportDocument" + ("/".equals(p.location()) ? ""
                    : p.location())));
        }
        return problems;
    }

    private static void requireValidatable(InvoiceValidator validator, String format) {
        if (FormatCatalogue.byId(format).isEmpty()) {
            throw new SilkgateCommand.UsageException("unknown format id '" + format + "'; see 'silkgate formats'");
        }
        if (!validator.formats().contains(format) && !JSON_RULES.equals(format) && !PINT_ENVELOPE.equals(format)) {
            throw new SilkgateCommand.UsageException("validation of " + format + " is not supported by this build; "
                    + "supported: " + String.join(", ", new TreeSet<>(validator.formats())));
        }
    }
}
