package io.silkgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.schemas.FormatDetector;
import io.silkgate.schemas.SecureXml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCmsTest {

    private static final String AT = "2026-06-01T00:00:00Z";

    @TempDir
    static Path dir;
    private static String trust;
    private static byte[] invoice;
    private static Pattern invoiceFormat;

    @BeforeAll
    static void samplePki() {
        trust = SamplePki.copyTo(dir.resolve("pki")).resolve("cn").toString();
        invoice = SamplePki.document("invoice-cn-vn.xml");
        String format = FormatDetector.detect(SecureXml.parse(invoice).getDocumentElement()).orElseThrow();
        invoiceFormat = Pattern.compile("\"format\"\\s*:\\s*\"" + Pattern.quote(format) + "\"");
    }

    @Test
    void detachedSignatureBesideTheFileIsVerifiedOverItsBytes() throws Exception {
        Path file = Files.write(dir.resolve("invoice.xml"), invoice);
        Files.write(dir.resolve("invoice.xml.p7s"), sign("cn/exporter-shenzhen", invoice, false));

        VerifyRun valid = run(file);
        assertEquals(SilkgateCommand.OK, valid.exit(), valid.out());
        assertTrue(valid.out().contains("Shenzhen Sample Exporter"), valid.out());
        assertTrue(valid.out().contains("SHA256withRSA"), valid.out());
        assertTrue(invoiceFormat.matcher(valid.out()).find(), valid.out());

        Files.write(file, new String(invoice, StandardCharsets.UTF_8).replaceFirst("<", " <")
                .getBytes(StandardCharsets.UTF_8));
        VerifyRun tampered = run(file);
        assertEquals(SilkgateCommand.INVALID, tampered.exit(), tampered.out());
        assertTrue(tampered.out().contains("SIGNATURE_INVALID"), tampered.out());
    }

    @Test
    void envelopingSignatureIsVerifiedAndItsContentFormatReported() throws Exception {
        Path good = Files.write(dir.resolve("good.xml.p7m"), sign("cn/exporter-shenzhen", invoice, true));
        Path impostor = Files.write(dir.resolve("impostor.xml.p7m"), sign("rogue/exporter-impostor", invoice, true));

        VerifyRun valid = run(good);
        assertEquals(SilkgateCommand.OK, valid.exit(), valid.out());
        assertTrue(invoiceFormat.matcher(valid.out()).find(), valid.out());

        VerifyRun untrusted = run(impostor);
        assertEquals(SilkgateCommand.INVALID, untrusted.exit(), untrusted.out());
        assertTrue(untrusted.out().contains("CERTIFICATE_UNTRUSTED"), untrusted.out());
    }

    private static VerifyRun run(Path file) {
        return VerifyRun.of(trust, AT, file);
    }

    private static byte[] sign(String name, byte[] content, boolean encapsulate) throws Exception {
        IssuedCertificate signer = SamplePki.load(name);
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.privateKey()), signer.certificate()));
        generator.addCertificates(new JcaCertStore(List.copyOf(signer.chain())));
        return generator.generate(new CMSProcessableByteArray(content), encapsulate).getEncoded();
    }
}
