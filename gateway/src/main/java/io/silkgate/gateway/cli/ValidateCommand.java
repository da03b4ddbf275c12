package io.silkgate.gateway.cli;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.FormatCatalogue;
import io.silkgate.schemas.FormatDetector;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.UblSchemaValidator;
import java.util.concurrent.Callable;
import org.w3c.dom.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code silkgate validate}: syntax and rules of a document. This build validates UBL 2.1 against its XSD. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate a document (this build: UBL 2.1 Invoice/CreditNote against the OASIS XSD).")
final class ValidateCommand implements Callable<Integer> {

    static final String SUPPORTED = "ubl (UBL 2.1 XSD)";

    @Option(names = "--profile", paramLabel = "FORMAT", description = "validate as this format (default: detected)")
    String profile;

    @Parameters(paramLabel = "FILE|-")
    String file;

    @Override
    public Integer call() {
        if (profile != null && FormatCatalogue.byId(profile).isEmpty()) {
            throw new SilkgateCommand.UsageException("unknown format id '" + profile + "'; see 'silkgate formats'");
        }
        if (profile != null && !"ubl".equals(profile)) {
            throw unsupported(profile);
        }
        InputDocument input = InputDocument.read(file);
        Report report = new Report(profile);
        Document doc;
        try {
            doc = SecureXml.parse(input.bytes());
        } catch (DocumentRejectedException e) {
            return report.errors(e.problems()).print();
        }
        String detected = FormatDetector.detect(doc.getDocumentElement()).orElse(null);
        String format = profile != null ? profile : detected;
        if (format == null) {
            return report.error(Problem.of(ErrorCode.UNKNOWN_FORMAT, "not a known document format")).print();
        }
        if (!"ubl".equals(format)) {
            throw unsupported(format);
        }
        report.format("ubl");
        if (!FormatDetector.UBL_INVOICE_NS.equals(doc.getDocumentElement().getNamespaceURI())
                && !FormatDetector.UBL_CREDIT_NOTE_NS.equals(doc.getDocumentElement().getNamespaceURI())) {
            return report.error(Problem.of(ErrorCode.SCHEMA_INVALID, "not a UBL 2.1 Invoice or CreditNote")).print();
        }
        report.errors(new UblSchemaValidator().validate(doc.getDocumentElement()));
        report.warning(new Problem("RULES_NOT_CHECKED",
                "EN 16931 business rules are not checked by this build yet; only the UBL 2.1 schema was", null));
        return report.print();
    }

    private static SilkgateCommand.UsageException unsupported(String format) {
        return new SilkgateCommand.UsageException("validation of " + format + " is not supported by this build yet; "
                + "supported: " + SUPPORTED + " (use --profile ubl to check a UBL-based document's syntax)");
    }
}
