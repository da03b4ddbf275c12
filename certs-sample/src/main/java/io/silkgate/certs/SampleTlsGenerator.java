package io.silkgate.certs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the sample TLS material under {@code sample-pki/tls/}: a TLS root, the gateway's server certificate for
 * {@code localhost} / 127.0.0.1, and client certificates of two submitters and of one stranger. Part of
 * {@link SamplePkiGenerator}; {@code main} regenerates only this folder and adds its files to the INDEX.
 */
public final class SampleTlsGenerator {

    /** Folder of the TLS material below the sample PKI root. */
    public static final String FOLDER = "tls";

    private static final String SAMPLES_ORG = "O=Silkgate Samples";

    private SampleTlsGenerator() {
    }

    /** Regenerates {@code tls/} under args[0] (or certs-sample/src/main/resources from the repository root). */
    public static void main(String[] args) throws IOException {
        Path resources = args.length > 0 ? Path.of(args[0])
                : Files.isRegularFile(Path.of("certs-sample", "pom.xml"))
                        ? Path.of("certs-sample", "src", "main", "resources") : Path.of("src", "main", "resources");
        Path pki = resources.resolve(SamplePki.PKI_ROOT);
        Set<String> index = new TreeSet<>();
        Path indexFile = pki.resolve(SamplePki.INDEX);
        if (Files.isRegularFile(indexFile)) {
            Files.readAllLines(indexFile, StandardCharsets.UTF_8).stream().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith(FOLDER + "/")).forEach(index::add);
        }
        index.addAll(generate(pki));
        Files.writeString(indexFile, String.join("\n", index) + "\n", StandardCharsets.UTF_8);
        System.out.println("Sample TLS material written under " + pki.resolve(FOLDER).toAbsolutePath().normalize());
    }

    /** Writes the TLS material below {@code pki}; returns the files written, relative to {@code pki}. */
    static Set<String> generate(Path pki) throws IOException {
        Set<String> written = new TreeSet<>();
        IssuedCertificate root = CertificateIssuer.selfSignedRoot("CN=Silkgate Sample TLS Root CA, " + SAMPLES_ORG
                + ", C=SG", ec(), SamplePkiGenerator.NOT_BEFORE, SamplePkiGenerator.NOT_AFTER);
        write(pki, written, "root-ca.pem", CertificateIssuer.toPem(root.certificate()));
        IssuedCertificate server = TlsCertificateIssuer.server(root, "CN=localhost, " + SAMPLES_ORG + ", C=SG", ec(),
                SamplePkiGenerator.NOT_BEFORE, SamplePkiGenerator.NOT_AFTER, List.of("localhost"),
                List.of("127.0.0.1", "::1"));
        keyAndCertificate(pki, written, "gateway-tls", server);
        keyAndCertificate(pki, written, "client-shenzhen", TlsCertificateIssuer.client(root,
                "CN=Shenzhen Sample Exporter Submission Client, O=Shenzhen Sample Exporter Co. Ltd, C=CN", ec(),
                SamplePkiGenerator.NOT_BEFORE, SamplePkiGenerator.NOT_AFTER));
        keyAndCertificate(pki, written, "client-hamburg", TlsCertificateIssuer.client(root,
                "CN=Hamburg Sample Exporter Submission Client, O=Hamburg Sample Exporter GmbH, C=DE", ec(),
                SamplePkiGenerator.NOT_BEFORE, SamplePkiGenerator.NOT_AFTER));
        // issued by the same root but configured for nobody: a trusted issuer alone must not let a client in
        keyAndCertificate(pki, written, "client-stranger", TlsCertificateIssuer.client(root,
                "CN=Stranger Sample Client, " + SAMPLES_ORG + ", C=SG", ec(),
                SamplePkiGenerator.NOT_BEFORE, SamplePkiGenerator.NOT_AFTER));
        return written;
    }

    private static void keyAndCertificate(Path pki, Set<String> written, String name, IssuedCertificate cert)
            throws IOException {
        CertificateIssuer.writePkcs12(pki.resolve(FOLDER).resolve(name + ".p12"), name, SamplePki.PASSWORD, cert);
        written.add(FOLDER + "/" + name + ".p12");
        write(pki, written, name + ".pem", CertificateIssuer.toPem(cert.certificate()));
    }

    private static void write(Path pki, Set<String> written, String name, String text) throws IOException {
        Path target = pki.resolve(FOLDER).resolve(name);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.US_ASCII);
        written.add(FOLDER + "/" + name);
    }

    private static java.security.KeyPair ec() {
        return CertificateIssuer.ecKeyPair("secp256r1");
    }
}
