package io.silkgate.gateway.cli;

import io.silkgate.gateway.config.SilkgateConfig;
import io.silkgate.gateway.config.TrustEntry;
import io.silkgate.routes.SignatureEvidence;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.FormatDetector;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureJson;
import io.silkgate.schemas.SecureXml;
import io.silkgate.verify.CertificatePathValidator;
import io.silkgate.verify.CmsSignatureVerifier;
import io.silkgate.verify.CmsVerification;
import io.silkgate.verify.JwsSignatureVerifier;
import io.silkgate.verify.SignatureReport;
import io.silkgate.verify.TaxBureauSignatureVerifier;
import io.silkgate.verify.TrustAnchors;
import io.silkgate.verify.VerificationResult;
import io.silkgate.verify.XmlSignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.xml.crypto.dsig.XMLSignature;
import org.w3c.dom.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code silkgate verify}: check every signature of a document against trust anchors; JSON report on stdout. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify the signatures of a document: enveloped XMLDSig / XAdES in XML, CMS / CAdES "
                + "(FILE.p7s beside FILE, or an enveloping FILE.p7m), JWS (FILE a compact JWS, or FILE.jws beside "
                + "a JSON FILE), PINT envelopes.")
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
        InputDocument input = InputDocument.read(file);
        TrustAnchors anchors = looksLikeJson(input.bytes()) ? TrustAnchors.empty() : anchors();
        if (input.path() != null) {
            Path detached = Path.of(file + ".p7s");
            if (Files.isRegularFile(detached)) {
                return verifyDetached(input, detached, anchors, when);
            }
            String lower = file.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".p7m")) {
                return verifyEnveloping(input, anchors, when);
            }
            if (lower.endsWith(".p7s")) {
                throw new SilkgateCommand.UsageException(file + " is a detached signature: verify the file it signs "
                        + "(silkgate verify " + file.substring(0, file.length() - 4) + ")");
            }
            Path detachedJws = Path.of(file + ".jws");
            if (Files.isRegularFile(detachedJws)) {
                return verifyJws(input.bytes(), InputDocument.read(detachedJws.toString()).bytes(), anchors(), when);
            }
        }
        if (JwsSignatureVerifier.unverifiedPayload(new String(input.bytes(), StandardCharsets.US_ASCII)) != null) {
            return verifyJws(null, input.bytes(), anchors(), when);
        }
        if (looksLikeJson(input.bytes())) {
            com.fasterxml.jackson.databind.JsonNode json;
            try {
                json = io.silkgate.schemas.SecureJson.parse(input.bytes());
            } catch (DocumentRejectedException e) {
                return new Report(null).errors(e.problems()).put("signatures", java.util.List.of()).print();
            }
            if (PintVerification.isEnvelope(json)) {
                Path cfgFile = config != null ? config : Path.of("silkgate.yaml");
                SilkgateConfig cfg = trust == null && Files.isRegularFile(cfgFile) ? ServeCommand.load(cfgFile, null)
                        : null;
                return PintVerification.run(json, trust, cfg);
            }
            if (FormatDetector.detectJson(json).isEmpty()) {
                throw new SilkgateCommand.UsageException("not a JSON format this build verifies (a DCSA"
                        + " TransportDocument with FILE.jws beside it, or a PINT envelope)");
            }
            return new Report(FormatDetector.detectJson(json).get()).errors(List.of(Problem.of(
                    ErrorCode.SIGNATURE_MISSING, "no signature: a JSON document is signed by a JWS (FILE.jws beside"
                            + " it, or FILE itself a compact JWS)"))).put("signatures", List.of()).print();
        }
        Report report = new Report(null);
        Document doc;
        try {
            doc = SecureXml.parse(input.bytes());
        } catch (DocumentRejectedException e) {
            return report.errors(e.problems()).put("signatures", java.util.List.of()).print();
        }
        report.format(FormatDetector.detect(doc.getDocumentElement()).orElse(null));
        CertificatePathValidator paths = new CertificatePathValidator();
        List<SignatureReport> signatures = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        boolean xmlSigned = doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").getLength() > 0;
        if (xmlSigned || !TaxBureauSignatureVerifier.present(doc)) {
            VerificationResult result = new XmlSignatureVerifier(paths).verify(doc, (element, signer) -> anchors, when);
            signatures.addAll(result.signatures());
            errors.addAll(result.errors());
        }
        if (TaxBureauSignatureVerifier.present(doc)) {
            VerificationResult result = new TaxBureauSignatureVerifier(paths).verify(doc, anchors, when);
            signatures.addAll(result.signatures());
            errors.addAll(result.errors());
        }
        report.errors(errors);
        report.put("signatures", signatures.stream().map(SignatureEvidence::entry).toList());
        return report.print();
    }

    /** FILE with FILE.p7s beside it: the CMS signature alone is verified, over FILE's exact bytes. */
    private static int verifyDetached(InputDocument input, Path p7s, TrustAnchors anchors, Instant when) {
        byte[] signature = InputDocument.read(p7s.toString()).bytes();
        VerificationResult result = new CmsSignatureVerifier(new CertificatePathValidator())
                .verifyDetached(input.bytes(), signature, anchors, when);
        return cmsReport(detectFormat(input.bytes()), result);
    }

    /**
     * A JWS: attached (FILE is the compact JWS; its payload's format is reported) or detached (FILE.jws beside the
     * JSON FILE, over FILE's exact bytes).
     */
    private static int verifyJws(byte[] detachedPayload, byte[] jws, TrustAnchors anchors, Instant when) {
        JwsSignatureVerifier verifier = new JwsSignatureVerifier(new CertificatePathValidator());
        String text = new String(jws, StandardCharsets.US_ASCII);
        JwsSignatureVerifier.Outcome outcome = detachedPayload == null
                ? verifier.verifyAttached(text, leaf -> anchors, when)
                : verifier.verifyDetached(detachedPayload, text, leaf -> anchors, when);
        byte[] payload = detachedPayload != null ? detachedPayload : JwsSignatureVerifier.unverifiedPayload(text);
        String format = null;
        try {
            format = payload == null ? null : FormatDetector.detectJson(SecureJson.parse(payload)).orElse(null);
        } catch (DocumentRejectedException e) {
            // a payload that is not JSON has no format to report
        }
        return cmsReport(format, outcome.result());
    }

    /** FILE.p7m: the signature and the content it encapsulates, whose format is reported. */
    private static int verifyEnveloping(InputDocument input, TrustAnchors anchors, Instant when) {
        CmsVerification verification = new CmsSignatureVerifier(new CertificatePathValidator())
                .verifyEnveloping(input.bytes(), anchors, when);
        byte[] content = verification.content();
        return cmsReport(content == null ? null : detectFormat(content), verification.result());
    }

    private static int cmsReport(String format, VerificationResult result) {
        Report report = new Report(format);
        report.errors(result.errors());
        report.put("signatures", result.signatures().stream().map(SignatureEvidence::entry).toList());
        return report.print();
    }

    /** The format id of XML content, or null when the content is not XML or of no known format. */
    private static String detectFormat(byte[] content) {
        try {
            return FormatDetector.detect(SecureXml.parse(content).getDocumentElement()).orElse(null);
        } catch (DocumentRejectedException e) {
            return null;
        }
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
            all = all.plus(TrustAnchors.load(t.anchors(), t.crl()).withRevocation(t.revocationSettings()));
        }
        return all;
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
