package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.certs.SamplePki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code silkgate} command line of CONTRACT.md §2 as a user runs it: output and exit codes. */
@Timeout(150)
class CommandLineIT {

    private static final Duration QUICK = Duration.ofSeconds(60);
    private static final List<String> FORMAT_IDS = List.of("ubl", "cii", "peppol-bis3", "pint-sg", "pint-my",
            "pint-ae", "vn-tt78", "cn-fapiao", "id-coretax", "dcsa-td3", "dcsa-pint3", "iftmcs", "fiata-efbl");

    @TempDir
    static Path work;

    private static Path trust;
    private static Path signed;
    private static Path tampered;

    @BeforeAll
    static void prepareFiles() throws IOException {
        Path pki = SamplePki.copyTo(work.resolve("pki"));
        // a trust folder as an operator would make it: the CN root and its CRL, no end-entity certificates
        trust = Files.createDirectories(work.resolve("trust-cn"));
        Files.copy(pki.resolve("cn/root-ca.pem"), trust.resolve("root-ca.pem"));
        Files.copy(pki.resolve("cn/issuing-ca.crl"), trust.resolve("issuing-ca.crl"));
        signed = Files.write(work.resolve("signed.xml"), Samples.document("invoice-cn-vn.signed.xml"));
        tampered = Files.write(work.resolve("tampered.xml"), Samples.document("invoice-cn-vn.tampered.xml"));
    }

    @Test
    void demoRunsEndToEndAndSaysSo() {
        JarCommand.Result demo = JarCommand.run(work, Duration.ofSeconds(140), "demo", "--data",
                work.resolve("demo-data").toString());

        assertEquals(0, demo.exitCode(), demo::toString);
        assertTrue(demo.stdout().contains("DEMO OK"), demo::toString);
    }

    @Test
    void demoWithTlsRunsOverHttpsWithClientCertificates() {
        JarCommand.Result demo = JarCommand.run(work, Duration.ofSeconds(140), "demo", "--tls", "--data",
                work.resolve("demo-tls-data").toString());

        assertEquals(0, demo.exitCode(), demo::toString);
        assertTrue(demo.stdout().contains("DEMO OK"), demo::toString);
        assertTrue(demo.stdout().contains("TLS on: https://127.0.0.1:"), demo::toString);
        assertTrue(demo.stdout().matches("(?s).*no client certificate +- +401 UNAUTHENTICATED.*OK.*"), demo::toString);
        assertTrue(demo.stdout().contains("eBL CNPT → gateway → SGPT          200 RECE"), demo::toString);
    }

    @Test
    void verifyAcceptsTheSignedInvoiceAgainstACountryTrustFolder() throws IOException {
        JarCommand.Result verify = JarCommand.run(work, QUICK, "verify", "--trust", trust.toString(),
                signed.toString());

        assertEquals(0, verify.exitCode(), verify::toString);
        JsonNode report = HttpAnswer.JSON.readTree(verify.stdout());
        assertTrue(report.path("ok").asBoolean(), verify::toString);
        assertEquals("ubl", report.path("format").asText(), verify::toString);
        assertEquals(0, report.path("errors").size(), verify::toString);
        assertEquals(1, report.path("signatures").size(), verify::toString);
        JsonNode signature = report.path("signatures").get(0);
        assertTrue(signature.path("valid").asBoolean(), verify::toString);
        assertTrue(signature.path("coversDocument").asBoolean(), verify::toString);
        assertTrue(signature.path("signer").asText().contains("CN=Shenzhen Sample Exporter Co. Ltd"),
                verify::toString);
        assertEquals("good", signature.path("revocation").asText(), verify::toString);
    }

    @Test
    void verifyRejectsTheTamperedInvoice() throws IOException {
        JarCommand.Result verify = JarCommand.run(work, QUICK, "verify", "--trust", trust.toString(),
                tampered.toString());

        assertEquals(1, verify.exitCode(), verify::toString);
        JsonNode report = HttpAnswer.JSON.readTree(verify.stdout());
        assertFalse(report.path("ok").asBoolean(), verify::toString);
        List<String> codes = StreamSupport.stream(report.path("errors").spliterator(), false)
                .map(e -> e.path("code").asText()).toList();
        assertTrue(codes.contains("SIGNATURE_INVALID"), verify::toString);
        assertFalse(report.path("signatures").path(0).path("valid").asBoolean(true), verify::toString);
    }

    @Test
    void formatsListsEveryContractFormatId() {
        JarCommand.Result formats = JarCommand.run(work, QUICK, "formats");

        assertEquals(0, formats.exitCode(), formats::toString);
        Set<String> listed = formats.stdout().lines()
                .flatMap(line -> Arrays.stream(line.trim().split("[\\s,|]+")))
                .collect(Collectors.toSet());
        for (String id : FORMAT_IDS) {
            assertTrue(listed.contains(id), "format id " + id + " is not listed\n" + formats);
        }
    }

    @Test
    void convertToAnUnknownFormatIsAUsageError() {
        JarCommand.Result convert = JarCommand.run(work, QUICK, "convert", "--to", "nosuch", signed.toString());

        assertEquals(2, convert.exitCode(), convert::toString);
        assertTrue(convert.stderr().contains("nosuch"), "the message should name the bad format id\n" + convert);
        assertTrue(convert.stdout().isBlank(), "nothing may be written as a converted document\n" + convert);
    }

    @Test
    void serveExitsWithAnErrorCodeWhenItsPortIsTaken() throws IOException {
        Path dir = Files.createDirectories(work.resolve("port-taken"));
        try (ServerSocket squatter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path config = Files.writeString(dir.resolve("silkgate.yaml"), """
                    gateway:
                      http-host: 127.0.0.1
                      http-port: %d
                    """.formatted(squatter.getLocalPort()));

            JarCommand.Result serve = JarCommand.run(dir, Duration.ofSeconds(90), "serve", "--config",
                    config.toString(), "--data", dir.resolve("data").toString());

            // a supervisor (systemd, Kubernetes) only learns of the failure from the exit code
            assertNotEquals(0, serve.exitCode(), "a gateway that could not open its port must not exit 0\n" + serve);
        }
    }

    @Test
    void serveRefusesAnUnknownConfigKeyNamingIt() throws IOException {
        Path dir = Files.createDirectories(work.resolve("bad-key"));
        Path config = Files.writeString(dir.resolve("silkgate.yaml"), """
                gateway:
                  http-host: 127.0.0.1
                  data-dirr: ./data
                """);

        JarCommand.Result serve = JarCommand.run(dir, QUICK, "serve", "--config", config.toString(),
                "--data", dir.resolve("data").toString());

        assertEquals(2, serve.exitCode(), serve::toString);
        assertTrue(serve.stderr().contains("gateway.data-dirr"), "stderr should name the key\n" + serve);
    }

    @Test
    void serveRefusesAPartnerWithABadUrlNamingTheKey() throws IOException {
        Path dir = Files.createDirectories(work.resolve("bad-url"));
        Path config = Files.writeString(dir.resolve("silkgate.yaml"), """
                gateway:
                  http-host: 127.0.0.1
                partners:
                  - { id: vn-customs, country: VN, format: ubl, endpoint: { type: rest, url: "customs.example.vn/in" } }
                """);

        JarCommand.Result serve = JarCommand.run(dir, QUICK, "serve", "--config", config.toString(),
                "--data", dir.resolve("data").toString());

        assertEquals(2, serve.exitCode(), serve::toString);
        assertTrue(serve.stderr().contains("partners[0].endpoint.url"), "stderr should name the key\n" + serve);
    }
}
