package io.silkgate.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.FormatCatalogue;
import io.silkgate.schemas.FormatDetector;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureJson;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.bol.BillOfLadingConverter;
import io.silkgate.schemas.bol.BillOfLadingCopy;
import io.silkgate.schemas.bol.TransportDocumentRules;
import io.silkgate.schemas.en16931.ConversionResult;
import io.silkgate.schemas.en16931.ElectronicAddresses;
import io.silkgate.schemas.en16931.Identifier;
import io.silkgate.schemas.en16931.InvoiceConverter;
import io.silkgate.schemas.en16931.InvoiceFormat;
import io.silkgate.schemas.en16931.InvoiceFormats;
import io.silkgate.schemas.validation.InvoiceValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.w3c.dom.Element;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code silkgate convert}: an invoice in another format, through the EN 16931 model, or a DCSA bill of lading as an
 * IFTMCS / FIATA eFBL data copy; the converted document on stdout, the JSON report (carried and dropped terms,
 * validation of the output) on {@code --report} or stderr.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert an invoice or a bill of lading to another format; the document goes to stdout, the "
                + "report to stderr.")
final class ConvertCommand implements Callable<Integer> {

    @Option(names = "--to", required = true, paramLabel = "FORMAT")
    String to;

    @Option(names = "--from", paramLabel = "FORMAT", description = "the input format (default: detected)")
    String from;

    @Option(names = "--report", paramLabel = "FILE", description = "write the JSON report here (default: stderr)")
    Path reportFile;

    @Option(names = "--no-validate", description = "do not validate the output against the target's rules")
    boolean noValidate;

    @Option(names = "--address", paramLabel = "PARTY=EAS:ID", description = "the electronic address (Peppol "
            + "participant id) of a party that the input lacks, e.g. VA:CN91310115MA1H7Q2K0G=0199:5493001KJTIIGC8Y1R12 "
            + "or \"name:Example Pte. Ltd.=0195:SGUEN201912345K\"; repeatable")
    Map<String, String> addresses = new LinkedHashMap<>();

    @Parameters(paramLabel = "FILE|-")
    String file;

    @Override
    public Integer call() throws IOException {
        if (FormatCatalogue.byId(to).isEmpty()) {
            throw new SilkgateCommand.UsageException("--to: unknown format id '" + to + "'; see 'silkgate formats'");
        }
        if (BillOfLadingConverter.TARGETS.contains(to)) {
            return convertBillOfLading(InputDocument.read(file));
        }
        InvoiceFormat target = format(to, "--to");
        if (!target.canWrite()) {
            throw new SilkgateCommand.UsageException(to + " is an input-only format; it cannot be written");
        }
        InputDocument input = InputDocument.read(file);
        Report report = new Report(null).put("to", to);
        Element root;
        try {
            root = SecureXml.parse(input.bytes()).getDocumentElement();
        } catch (DocumentRejectedException e) {
            return finish(report.errors(e.problems()), null);
        }
        String source = from != null ? from : FormatDetector.detect(root).orElse(null);
        if (source == null) {
            return finish(report.error(Problem.of(ErrorCode.UNKNOWN_FORMAT, "not a known document format; name it "
                    + "with --from")), null);
        }
        if (!format(source, "--from").canRead()) {
            throw new SilkgateCommand.UsageException(source + " is an output-only format; it cannot be read");
        }
        report.format(source).put("from", source);
        ConversionResult result;
        try {
            result = new InvoiceConverter(directory()).convert(root, source, to);
        } catch (DocumentRejectedException e) {
            return finish(report.errors(e.problems()), null);
        }
        report.put("carried", result.report().carried());
        report.put("dropped", result.report().dropped().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("term", d.term());
            m.put("reason", d.reason());
            return m;
        }).toList());
        if (!noValidate) {
            InvoiceValidator validator = new InvoiceValidator();
            if (validator.formats().contains(to)) {
                report.errors(validator.validate(to, SecureXml.parse(result.document())));
            } else {
                report.warning(new Problem("NOT_VALIDATED", "no rule set for " + to + "; the output is not validated",
                        null));
            }
        }
        return finish(report, result.document());
    }

    /** A DCSA TransportDocument (alone, or inside a PINT envelope) to IFTMCS, FIATA eFBL or a DCSA copy. */
    private int convertBillOfLading(InputDocument input) throws IOException {
        Report report = new Report(null).put("to", to);
        if (!FormatDetector.looksLikeJson(input.bytes())) {
            return finish(report.error(Problem.of(ErrorCode.UNKNOWN_FORMAT, to + " is written from a DCSA "
                    + "TransportDocument (JSON); this input is not JSON")), null);
        }
        JsonNode root;
        try {
            root = SecureJson.parse(input.bytes());
        } catch (DocumentRejectedException e) {
            return finish(report.errors(e.problems()), null);
        }
        String source = from != null ? from : FormatDetector.detectJson(root).orElse(null);
        if (source == null) {
            return finish(report.error(Problem.of(ErrorCode.UNKNOWN_FORMAT, "not a known document format; name it "
                    + "with --from")), null);
        }
        if (FormatCatalogue.byId(source).isEmpty()) {
            throw new SilkgateCommand.UsageException("--from: unknown format id '" + source + "'; see 'silkgate formats'");
        }
        if (!"dcsa-td3".equals(source) && !"dcsa-pint3".equals(source)) {
            throw new SilkgateCommand.UsageException("--from: " + source + " cannot be converted to " + to
                    + "; bills of lading are converted from dcsa-td3 (or the transport document of a dcsa-pint3 envelope)");
        }
        report.format(source).put("from", source);
        // a PINT envelope's transport document is converted; the envelope's signatures and chain cannot travel
        JsonNode td = "dcsa-pint3".equals(source) ? root.path("transportDocument") : root;
        BillOfLadingCopy copy;
        try {
            copy = new BillOfLadingConverter().convert(td, to);
        } catch (DocumentRejectedException e) {
            return finish(report.errors(e.problems()), null);
        }
        // the gateway copies an eBL whatever its issuer wrote; the broken conditional rules are worth knowing
        TransportDocumentRules.check(td).stream().filter(v -> !v.isSchema())
                .forEach(v -> report.warning(v.toProblem()));
        report.put("carried", copy.carried());
        report.put("dropped", copy.dropped().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("term", d.term());
            m.put("reason", d.reason());
            return m;
        }).toList());
        if (!noValidate) {
            report.errors(BillOfLadingConverter.validateOutput(to, copy.bytes()));
        }
        return finish(report, copy.bytes());
    }

    private int finish(Report report, byte[] document) throws IOException {
        if (document != null) {
            System.out.write(document);
            System.out.flush();
        }
        String json = report.toJson();
        if (reportFile != null) {
            Files.writeString(reportFile, json + System.lineSeparator());
        } else {
            System.err.println(json);
        }
        return report.ok() ? SilkgateCommand.OK : SilkgateCommand.INVALID;
    }

    private ElectronicAddresses directory() {
        Map<String, Identifier> byParty = new LinkedHashMap<>();
        addresses.forEach((party, address) -> byParty.put(party, ElectronicAddresses.parse(address).orElseThrow(() ->
                new SilkgateCommand.UsageException("--address " + party + "=" + address
                        + ": the address must be written <EAS>:<identifier>, e.g. 0195:SGUEN201912345K"))));
        return new ElectronicAddresses(byParty);
    }

    private static InvoiceFormat format(String id, String option) {
        if (FormatCatalogue.byId(id).isEmpty()) {
            throw new SilkgateCommand.UsageException(option + ": unknown format id '" + id + "'; see 'silkgate formats'");
        }
        return InvoiceFormats.byId(id).orElseThrow(() -> new SilkgateCommand.UsageException(option + ": " + id
                + " is not an invoice format this build converts; convertible: " + String.join(", ",
                        InvoiceFormats.all().stream().map(InvoiceFormat::formatId).sorted().toList())));
    }

}
