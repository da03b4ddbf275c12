package io.silkgate.gateway.cli;

import io.silkgate.gateway.config.SilkgateConfig;
import io.silkgate.gateway.config.TrustEntry;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.FormatDetector;
import io.silkgate.schemas.SecureXml;
import io.silkgate.verify.CertificatePathValidator;
import io.silkgate.verify.SignatureReport;
import io.silkgate.verify.TrustAnchors;
import io.silkgate.verify.VerificationResult;
import io.silkgate.verify.XmlSignatureVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.w3c.dom.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code silkgate verify}: check every signature of a document against trust anchors; JSON report on stdout. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify the signatures of a document (this build: enveloped XMLDSig / XAdES in XML).")
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--trust", paramLabel = "DIR",
            description = "trust anchors (*.pem, *.crt) and CRLs (*.crl); default: the configured trust store")
    Path trust;

    @Option(names = "--at", paramLabel = "ISO-8601", description = "verify as at this time (default: now)")
    String at;

    @Option(names = "--config", paramLabel = "FILE", description = "silkgate.yaml whose trust store is the default")
    Path config;

    @Parameters(paramLabel = "FILE|-")
    String file;

    @Override
    public Integer call() {
        Instant when = at == null ? Instant.now() : parseInstant(at);
        TrustAnchors anchors = anchors();
        InputDocument input = InputDocument.read(file);
        if (input.path() != null && (Files.exists(Path.of(file + ".p7s")) || file.endsWith(".p7m")
                || file.endsWith(".p7s"))) {
            throw new SilkgateCommand.UsageException("CMS (.p7s/.p7m) signatures are not supported by this build yet");
        }
        if (looksLikeJson(input.bytes())) {
            throw new SilkgateCommand.UsageException("JWS / PINT envelope verification is not supported by this "
                    + "build yet; this build verifies signed XML");
        }
        Report report = new Report(null);
        Document doc;
        try {
            doc = SecureXml.parse(input.bytes());
        } catch (DocumentRejectedException e) {
            return report.errors(e.problems()).put("signatures", java.util.List.of()).print();
        }
        report.format(FormatDetector.detect(doc.getDocumentElement()).orElse(null));
        VerificationResult result = new XmlSignatureVerifier(new CertificatePathValidator())
                .verify(doc, (element, signer) -> anchors, when);
        report.errors(result.errors());
        report.put("signatures", result.signatures().stream().map(VerifyCommand::entry).toList());
        return report.print();
    }

    private TrustAnchors anchors() {
        if (trust != null) {
            if (!Files.isDirectory(trust) && !Files.isRegularFile(trust)) {
                throw new SilkgateCommand.UsageException("--trust: no such file or folder: " + trust);
            }
            return TrustAnchors.load(trust, trust);
        }
        Path cfgFile = config != null ? config : Path.of("silkgate.yaml");
        if (config == null && !Files.isRegularFile(cfgFile)) {
            return TrustAnchors.empty();
        }
        SilkgateConfig cfg = ServeCommand.load(cfgFile, null);
        TrustAnchors all = TrustAnchors.empty();
        for (TrustEntry t : cfg.trust()) {
            all = all.plus(TrustAnchors.load(t.anchors(), t.crl()));
        }
        return all;
    }

    private static Map<String, Object> entry(SignatureReport s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", s.valid());
        m.put("signer", s.signer());
        m.put("algorithm", s.algorithm());
        m.put("coversDocument", s.coversDocument());
        m.put("certificatePath", s.certificatePath());
        m.put("revocation", s.revocation() == null ? null : s.revocation().json());
        if (s.failure() != null) {
            m.put("code", s.failure().name());
            m.put("message", s.message());
        }
        return m;
    }

    static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new SilkgateCommand.UsageException("--at: not an ISO-8601 date or date-time: " + text);
            }
        }
    }

    private static boolean looksLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '{' || b == '[') {
                return true;
            }
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }
}
