package io.silkgate.gateway.cli;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.FormatCatalogue;
import io.silkgate.schemas.FormatDetector;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.validation.InvoiceValidator;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.w3c.dom.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code silkgate validate}: the syntax (XSD) and business rules of a document; JSON report on stdout. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate a document against its format's schema and business rules.")
final class ValidateCommand implements Callable<Integer> {

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
        return report.errors(validator.validate(format, doc)).print();
    }

    private static void requireValidatable(InvoiceValidator validator, String format) {
        if (FormatCatalogue.byId(format).isEmpty()) {
            throw new SilkgateCommand.UsageException("unknown format id '" + format + "'; see 'silkgate formats'");
        }
        if (!validator.formats().contains(format)) {
            throw new SilkgateCommand.UsageException("validation of " + format + " is not supported by this build; "
                    + "supported: " + String.join(", ", new TreeSet<>(validator.formats())));
        }
    }
}
