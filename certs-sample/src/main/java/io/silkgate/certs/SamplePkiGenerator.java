package io.silkgate.certs;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regenerates the whole sample PKI and the signed sample documents: {@code main(String[] args)} with
 * args[0] = the output resources dir (default certs-sample/src/main/resources).
 */
public final class SamplePkiGenerator {

    static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant NOT_AFTER = Instant.parse("2075-12-31T23:59:59Z");
    static final List<String> COUNTRIES = List.of("cn", "vn", "sg", "ae", "eu");
    static final String INVOICE = "invoice-cn-vn.xml";

    private static final String SAMPLES_ORG = "O=Silkgate Samples";
    private static final Pattern PAYABLE_AMOUNT =
            Pattern.compile("(<cbc:PayableAmount currencyID=\"USD\">)([0-9.]+)(</cbc:PayableAmount>)");

    private final Path pki;
    private final Path docs;
    private final TreeSet<String> written = new TreeSet<>();

    private SamplePkiGenerator(Path resources) {
        this.pki = resources.resolve(SamplePki.PKI_ROOT);
        this.docs = resources.resolve(SamplePki.DOCS_ROOT);
    }

    /** Regenerates everything under args[0] (or certs-sample/src/main/resources when run from the repository root). */
    public static void main(String[] args) throws Exception {
        Path resources = args.length > 0 ? Path.of(args[0]) : defaultResources();
        new SamplePkiGenerator(resources).generate();
        System.out.println("Sample PKI and sample documents written under " + resources.toAbsolutePath().normalize());
    }

    private static Path defaultResources() {
        if (Files.isRegularFile(Path.of("certs-sample", "pom.xml"))) {
            return Path.of("certs-sample", "src", "main", "resources");
        }
        Path here = Path.of("").toAbsolutePath();
        if (here.getFileName() != null && here.getFileName().toString().equals("certs-sample")
                && Files.isRegularFile(Path.of("pom.xml"))) {
            return Path.of("src", "main", "resources");
        }
        throw new IllegalStateException(
                "run from the repository root, or pass the output resources directory as the first argument");
    }

    private void generate() throws IOException {
        Map<String, IssuedCertificate> issuingCas = new TreeMap<>();
        for (String country : COUNTRIES) {
            String cc = country.toUpperCase(Locale.ROOT);
            IssuedCertificate root = CertificateIssuer.selfSignedRoot(
                    "CN=Silkgate Sample " + cc + " Root CA, " + SAMPLES_ORG + ", C=" + cc,
                    rsa(3072), NOT_BEFORE, NOT_AFTER);
            IssuedCertificate issuing = CertificateIssuer.issueCa(root,
                    "CN=Silkgate Sample " + cc + " Issuing CA, " + SAMPLES_ORG + ", C=" + cc,
                    rsa(3072), NOT_BEFORE, NOT_AFTER);
            writePem(country + "/root-ca.pem", root.certificate());
            writePem(country + "/issuing-ca.pem", issuing.certificate());
            issuingCas.put(country, issuing);
        }

        IssuedCertificate shenzhen = endEntity(issuingCas.get("cn"), "cn/exporter-shenzhen",
                "CN=Shenzhen Sample Exporter Co. Ltd, O=Shenzhen Sample Exporter Co. Ltd, C=CN", rsa(2048));
        IssuedCertificate revoked = endEntity(issuingCas.get("cn"), "cn/exporter-revoked",
                "CN=Guangzhou Sample Exporter Co. Ltd, O=Guangzhou Sample Exporter Co. Ltd, C=CN", rsa(2048));
        endEntity(issuingCas.get("vn"), "vn/buyer-hanoi",
                "CN=Hanoi Sample Buyer JSC, O=Hanoi Sample Buyer JSC, C=VN", rsa(2048));
        endEntity(issuingCas.get("sg"), "sg/carrier-singapore",
                "CN=Singapore Sample Carrier Pte Ltd, O=Singapore Sample Carrier Pte Ltd, C=SG", rsa(2048));
        endEntity(issuingCas.get("ae"), "ae/exporter-dubai",
                "CN=Dubai Sample Exporter LLC, O=Dubai Sample Exporter LLC, C=AE",
                CertificateIssuer.ecKeyPair("secp256r1"));
        endEntity(issuingCas.get("eu"), "eu/exporter-hamburg",
                "CN=Hamburg Sample Exporter GmbH, O=Hamburg Sample Exporter GmbH, C=DE", rsa(2048));

        for (Map.Entry<String, IssuedCertificate> ca : issuingCas.entrySet()) {
            List<X509Certificate> onList = ca.getKey().equals("cn") ? List.of(revoked.certificate()) : List.of();
            writeText(ca.getKey() + "/issuing-ca.crl",
                    CertificateIssuer.toPem(CertificateIssuer.crl(ca.getValue(), onList, NOT_BEFORE, NOT_AFTER)));
        }

        IssuedCertificate gatewayRoot = CertificateIssuer.selfSignedRoot(
                "CN=Silkgate Sample Gateway Root CA, " + SAMPLES_ORG + ", C=SG", rsa(3072), NOT_BEFORE, NOT_AFTER);
        writePem("silkgate/root-ca.pem", gatewayRoot.certificate());
        endEntity(gatewayRoot, "silkgate/gateway", "CN=Silkgate Sample Gateway, " + SAMPLES_ORG + ", C=SG", rsa(2048));

        // an untrusted CA whose end entity copies the real Shenzhen exporter's name: only the key tells them apart
        IssuedCertificate rogueRoot = CertificateIssuer.selfSignedRoot(
                "CN=Rogue Sample Root CA, O=Rogue Samples, C=CN", rsa(3072), NOT_BEFORE, NOT_AFTER);
        writePem("rogue/root-ca.pem", rogueRoot.certificate());
        IssuedCertificate impostor = endEntity(rogueRoot, "rogue/exporter-impostor",
                shenzhen.certificate().getSubjectX500Principal().getName(), rsa(2048));

        written.addAll(SampleTlsGenerator.generate(pki));
        writeIndex();
        writeDocuments(shenzhen, impostor, revoked);
    }

    private IssuedCertificate endEntity(IssuedCertificate issuer, String name, String dn, KeyPair keys)
            throws IOException {
        IssuedCertificate issued = CertificateIssuer.issueEndEntity(issuer, dn, keys, NOT_BEFORE, NOT_AFTER);
        String alias = name.substring(name.lastIndexOf('/') + 1);
        CertificateIssuer.writePkcs12(pki.resolve(name + ".p12"), alias, SamplePki.PASSWORD, issued);
        written.add(name + ".p12");
        writePem(name + ".pem", issued.certificate());
        return issued;
    }

    private void writePem(String file, X509Certificate certificate) throws IOException {
        writeText(file, CertificateIssuer.toPem(certificate));
    }

    private void writeText(String file, String text) throws IOException {
        Path target = pki.resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.US_ASCII);
        written.add(file);
    }

    private void writeIndex() throws IOException {
        Files.writeString(pki.resolve(SamplePki.INDEX), String.join("\n", written) + "\n", StandardCharsets.UTF_8);
    }

    private void writeDocuments(IssuedCertificate shenzhen, IssuedCertificate impostor, IssuedCertificate revoked)
            throws IOException {
        Files.createDirectories(docs);
        Path unsignedFile = docs.resolve(INVOICE);
        // the unsigned invoice is hand-written: edits in the output folder win over the copy on the class path
        byte[] invoice;
        if (Files.isRegularFile(unsignedFile)) {
            invoice = Files.readAllBytes(unsignedFile);
        } else {
            invoice = SamplePki.document(INVOICE);
            Files.write(unsignedFile, invoice);
        }
        byte[] signed = SampleXmlSigner.signEnveloped(invoice, shenzhen);
        Files.write(docs.resolve("invoice-cn-vn.signed.xml"), signed);
        Files.write(docs.resolve("invoice-cn-vn.tampered.xml"), tamper(signed));
        Files.write(docs.resolve("invoice-cn-vn.untrusted.xml"), SampleXmlSigner.signEnveloped(invoice, impostor));
        Files.write(docs.resolve("invoice-cn-vn.revoked.xml"), SampleXmlSigner.signEnveloped(invoice, revoked));
    }

    /** Multiplies the amount due by ten in the signed bytes themselves, as an attacker on the wire would. */
    static byte[] tamper(byte[] signed) {
        String text = new String(signed, StandardCharsets.UTF_8);
        Matcher matcher = PAYABLE_AMOUNT.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("the signed invoice has no cbc:PayableAmount in USD");
        }
        String forged = new BigDecimal(matcher.group(2)).multiply(BigDecimal.TEN).setScale(2).toPlainString();
        String tampered = text.substring(0, matcher.start(2)) + forged + text.substring(matcher.end(2));
        if (matcher.find()) {
            throw new IllegalStateException("the signed invoice has more than one cbc:PayableAmount");
        }
        return tampered.getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair rsa(int bits) {
        return CertificateIssuer.rsaKeyPair(bits);
    }
}
