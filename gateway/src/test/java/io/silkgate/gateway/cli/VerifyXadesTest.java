package io.silkgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.certs.SampleTimeStampAuthority;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.en16931.InvoiceConverter;
import io.silkgate.sign.XadesSigner;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code silkgate verify} on what the gateway sends: its XAdES with the gateway's certificate as trust, and XAdES-T. */
class VerifyXadesTest {

    private static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final IssuedCertificate GATEWAY = SamplePki.load("silkgate/gateway");
    private static final XadesSigner SIGNER = new XadesSigner(GATEWAY.privateKey(), GATEWAY.chain(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    static Path dir;
    private static String trust;
    private static SampleTimeStampAuthority tsa;

    @BeforeAll
    static void trust() throws Exception {
        Path gatewayTrust = SamplePki.copyTo(dir.resolve("pki")).resolve("silkgate");
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2030-01-01T00:00:00Z");
        IssuedCertificate root = CertificateIssuer.selfSignedRoot("CN=Test TSA Root,O=Test,C=SG",
                CertificateIssuer.ecKeyPair("secp256r1"), from, to);
        tsa = new SampleTimeStampAuthority(CertificateIssuer.issueTimeStamping(root, "CN=Test TSA,O=Test,C=SG",
                CertificateIssuer.ecKeyPair("secp256r1"), from, to));
        Files.writeString(gatewayTrust.resolve("tsa-root.pem"), CertificateIssuer.toPem(root.certificate()));
        trust = gatewayTrust.toString();
    }

    private static byte[] converted(String to) {
        byte[] ubl = new String(SamplePki.document("invoice-cn-vn.xml"), StandardCharsets.UTF_8).replace("USD", "VND")
                .getBytes(StandardCharsets.UTF_8);
        return new InvoiceConverter().convert(SecureXml.parse(ubl).getDocumentElement(), "ubl", to).document();
    }

    @Test
    void outboundUblAndHdonVerifyWithTheGatewayCertificateAsTrust() throws Exception {
        for (String format : new String[] {"ubl", "vn-tt78"}) {
            Path file = Files.write(dir.resolve("out-" + format + ".xml"),
                    SIGNER.sign(converted(format), format).orElseThrow());

            VerifyRun run = run(file);

            assertEquals(SilkgateCommand.OK, run.exit(), run.out());
            assertTrue(run.out().contains("Silkgate Sample Gateway"), run.out());
        }
    }

    @Test
    void signatureTimestampIsReportedWithTimeAndTsa() throws Exception {
        Document document = SecureXml.parse(SIGNER.sign(converted("ubl"), "ubl").orElseThrow());
        addTimestamp(document, Instant.parse("2026-05-01T12:00:00Z"));
        Path file = dir.resolve("timestamped.xml");
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document),
                new StreamResult(file.toFile()));

        VerifyRun run = run(file);

        assertEquals(SilkgateCommand.OK, run.exit(), run.out());
        assertTrue(Pattern.compile("\"timestamp\"\\s*:\\s*\\{\\s*\"time\"\\s*:\\s*\"2026-05-01T12:00:00Z\"\\s*,\\s*"
                + "\"tsa\"\\s*:\\s*\"CN=Test TSA,O=Test,C=SG\"\\s*,\\s*\"trusted\"\\s*:\\s*true").matcher(run.out())
                .find(), run.out());
    }

    /** XAdES-T: a token over the inclusive-c14n SignatureValue in UnsignedSignatureProperties/SignatureTimeStamp. */
    private static void addTimestamp(Document document, Instant genTime) throws Exception {
        org.apache.xml.security.Init.init();
        Element value = (Element) document.getElementsByTagNameNS(XMLSignature.XMLNS, "SignatureValue").item(0);
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        Canonicalizer.getInstance(CanonicalizationMethod.INCLUSIVE).canonicalizeSubtree(value, canonical);
        Element qualifying = (Element) document.getElementsByTagNameNS(XADES, "QualifyingProperties").item(0);
        Element unsigned = (Element) qualifying.appendChild(document.createElementNS(XADES,
                "xades:UnsignedProperties"));
        Element properties = (Element) unsigned.appendChild(document.createElementNS(XADES,
                "xades:UnsignedSignatureProperties"));
        Element stamp = (Element) properties.appendChild(document.createElementNS(XADES,
                "xades:SignatureTimeStamp"));
        stamp.appendChild(document.createElementNS(XADES, "xades:EncapsulatedTimeStamp")).setTextContent(
                Base64.getEncoder().encodeToString(tsa.stamp(canonical.toByteArray(), genTime)));
    }

    private static VerifyRun run(Path file) {
        return VerifyRun.of(trust, NOW.toString(), file);
    }
}
