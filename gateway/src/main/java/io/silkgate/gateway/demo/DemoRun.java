package io.silkgate.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.certs.SamplePki;
import io.silkgate.certs.SampleXmlSigner;
import io.silkgate.gateway.SilkgateGateway;
import io.silkgate.gateway.config.ConfigLoader;
import io.silkgate.gateway.http.Json;
import io.silkgate.verify.TrustAnchors;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


/**
 * The built-in end-to-end run: a gateway in a scratch data dir, three simulated partners, the sample documents
 * submitted over HTTP, and a table of what happened. Succeeds only if every outcome is the expected one.
 */
public final class DemoRun {

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DemoRun(Path dataDir, PrintStream out) {
        this.dataDir = dataDir;
        this.out = out;
    }

    /** Runs the demo; true iff every document ended as expected. */
    public boolean run() throws Exception {
        Files.createDirectories(dataDir);
        SamplePki.copyTo(dataDir.resolve("pki"));
        TrustAnchors gatewayRoot = TrustAnchors.load(dataDir.resolve("pki/silkgate/root-ca.pem"), null);
        try (StubPartner customs = new StubPartner(gatewayRoot, 0);
                StubPartner buyer = new StubPartner(gatewayRoot, 2);
                StubPartner archive = new StubPartner(gatewayRoot, -1)) {
            int port = freePort();
            Path config = writeConfig(port, customs.url(), buyer.url(), archive.url());
            SilkgateGateway gateway = new SilkgateGateway(ConfigLoader.load(config));
            gateway.start();
            try {
                List<Row> rows = submitAll(URI.create("http://127.0.0.1:" + port), cases());
                printTable(rows);
                int received = customs.received().size() + buyer.received().size();
                boolean signaturesGood = customs.received().stream().allMatch(StubPartner.Received::signatureValid)
                        && buyer.received().stream().allMatch(StubPartner.Received::signatureValid);
                out.printf("%nPartners: vn-customs received %d, vn-buyer %d (2 refused on purpose), "
                        + "vn-archive %d (always down); gateway signatures valid: %s%n",
                        customs.received().size(), buyer.received().size(), archive.received().size(),
                        signaturesGood ? "yes" : "NO");
                boolean allOk = rows.stream().allMatch(Row::ok) && signaturesGood && received == 4;
                out.println(allOk ? "DEMO OK: every outcome was the expected one"
                        : "DEMO FAILED: see the rows marked FAIL above");
                return allOk;
            } finally {
                gateway.stop();
            }
        }
    }

    private List<DemoCase> cases() {
        byte[] unsigned = SamplePki.document("invoice-cn-vn.xml");
        byte[] signed = SamplePki.document("invoice-cn-vn.signed.xml");
        return List.of(
                DemoCase.accepted("signed invoice CN→VN", signed, null, "vn-customs", "DELIVERED"),
                DemoCase.duplicate("same invoice again", signed),
                DemoCase.rejected("tampered after signing", SamplePki.document("invoice-cn-vn.tampered.xml"),
                        "SIGNATURE_INVALID"),
                DemoCase.rejected("signed by an impostor CA", SamplePki.document("invoice-cn-vn.untrusted.xml"),
                        "CERTIFICATE_UNTRUSTED"),
                DemoCase.rejected("signed with a revoked cert", SamplePki.document("invoice-cn-vn.revoked.xml"),
                        "CERTIFICATE_REVOKED"),
                DemoCase.rejected("unsigned invoice", unsigned, "SIGNATURE_MISSING"),
                DemoCase.accepted("invoice to a flaky buyer", signedVariant(unsigned, "0002"), "vn-buyer", "vn-buyer",
                        "DELIVERED"),
                DemoCase.accepted("invoice to a dead endpoint", signedVariant(unsigned, "0003"), "vn-archive",
                        "vn-archive", "DEAD_LETTERED"));
    }

    /** Another invoice of the same exporter, signed now with the sample exporter key. */
    private static byte[] signedVariant(byte[] unsigned, String number) {
        String xml = new String(unsigned, StandardCharsets.UTF_8).replace("CN-SZ-2026-0001", "CN-SZ-2026-" + number);
        return SampleXmlSigner.signEnveloped(xml.getBytes(StandardCharsets.UTF_8),
                SamplePki.load("cn/exporter-shenzhen"));
    }

    private List<Row> submitAll(URI base, List<DemoCase> cases) throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        for (DemoCase c : cases) {
            HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve("/api/v1/documents"))
                    .header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(c.document()));
            if (c.destinationHeader() != null) {
                req.header("Silkgate-Destination", c.destinationHeader());
            }
            HttpResponse<String> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = Json.mapper().readTree(resp.body());
            rows.add(new Row(c, resp.statusCode(), answer));
        }
        Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
        for (Row row : rows) {
            if (row.httpStatus == 202) {
                row.settle(base, deadline);
            }
        }
        return rows;
    }

    private void printTable(List<Row> rows) {
        String format = "%-30s %-12s %-26s %-12s %-18s %s%n";
        out.printf(format, "document", "format", "verdict", "destination", "delivery", "");
        out.printf(format, "-".repeat(30), "-".repeat(12), "-".repeat(26), "-".repeat(12), "-".repeat(18), "----");
        for (Row r : rows) {
            out.printf(format, r.demoCase.name(), r.formats(), r.verdict(), r.destination(), r.delivery(),
                    r.ok() ? "OK" : "FAIL (expected " + r.expected() + ")");
        }
    }

    private Path writeConfig(int port, URI customs, URI buyer, URI archive) throws IOException {
        String yaml = """
                # written by 'silkgate demo'
                gateway:
                  http-host: 127.0.0.1
                  http-port: %d
                  data-dir: .
                  delivery: { attempts: 4, delay: 300ms, multiplier: 2, max-delay: 2s, timeout: 5s }
                trust:
                  - { country: CN, anchors: pki/cn/root-ca.pem, crl: pki/cn/issuing-ca.crl }
                  - { country: VN, anchors: pki/vn/root-ca.pem, crl: pki/vn/issuing-ca.crl }
                partners:
                  - { id: vn-customs, country: VN, format: ubl, endpoint: { type: rest, url: "%s" } }
                  - { id: vn-buyer, country: VN, format: ubl, endpoint: { type: rest, url: "%s" } }
                  - id: vn-archive
                    country: VN
                    format: ubl
                    endpoint: { type: rest, url: "%s" }
                    retry: { attempts: 3 }
                routing:
                  - { family: invoice, buyer-country: VN, to: [vn-customs] }
                """.formatted(port, customs, buyer, archive);
        Path file = dataDir.resolve("silkgate.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** One line of the demo table: the case, the gateway's answer and the final ledger state. */
    private final class Row {

        private final DemoCase demoCase;
        private final int httpStatus;
        private final JsonNode answer;
        private JsonNode status;

        Row(DemoCase demoCase, int httpStatus, JsonNode answer) {
            this.demoCase = demoCase;
            this.httpStatus = httpStatus;
            this.answer = answer;
        }

        void settle(URI base, Instant deadline) throws IOException, InterruptedException {
            URI uri = base.resolve("/api/v1/documents/" + answer.path("id").asText());
            while (true) {
                status = Json.mapper().readTree(http.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                boolean settled = !status.path("deliveries").isEmpty();
                for (JsonNode d : status.path("deliveries")) {
                    String s = d.path("status").asText();
                    settled &= s.equals("DELIVERED") || s.equals("DEAD_LETTERED");
                }
                if (settled || Instant.now().isAfter(deadline)) {
                    return;
                }
                Thread.sleep(200);
            }
        }

        String formats() {
            String in = answer.path("format").asText("-");
            if (status == null || status.path("deliveries").isEmpty()) {
                return in;
            }
            return in + " → " + status.path("deliveries").get(0).path("format").asText();
        }

        String verdict() {
            if (httpStatus == 202) {
                return "202 accepted";
            }
            if (httpStatus == 200 && answer.path("duplicate").asBoolean()) {
                return "200 duplicate";
            }
            return httpStatus + " " + answer.path("code").asText("?");
        }

        String destination() {
            if (status == null) {
                return "-";
            }
            List<String> partners = new ArrayList<>();
            status.path("deliveries").forEach(d -> partners.add(d.path("partner").asText()));
            return String.join(",", partners);
        }

        String delivery() {
            if (status == null) {
                return "-";
            }
            List<String> states = new ArrayList<>();
            status.path("deliveries").forEach(d -> states.add(d.path("status").asText()
                    + " (" + d.path("attempts").asInt() + ")"));
            return String.join(",", states);
        }

        String expected() {
            if (demoCase.expectedCode() != null) {
                return demoCase.expectedHttp() + " " + demoCase.expectedCode();
            }
            return demoCase.expectedHttp() + (demoCase.expectedDelivery() == null ? ""
                    : " " + demoCase.expectedDestinations() + " " + demoCase.expectedDelivery());
        }

        boolean ok() {
            if (httpStatus != demoCase.expectedHttp()) {
                return false;
            }
            if (demoCase.expectedCode() != null) {
                return demoCase.expectedCode().equals(answer.path("code").asText());
            }
            if (demoCase.expectedDelivery() == null) {
                return httpStatus != 200 || answer.path("duplicate").asBoolean();
            }
            List<String> partners = new ArrayList<>();
            boolean statesOk = status != null;
            if (status != null) {
                for (JsonNode d : status.path("deliveries")) {
                    partners.add(d.path("partner").asText());
                    statesOk &= demoCase.expectedDelivery().equals(d.path("status").asText());
                }
            }
            return statesOk && partners.equals(demoCase.expectedDestinations());
        }
    }

}
