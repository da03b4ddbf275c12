package io.silkgate.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.certs.SamplePki;
import io.silkgate.certs.SampleTls;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * The built-in end-to-end run: a gateway in a scratch data dir, simulated partners, the sample documents
 * submitted over HTTP, and a table of what happened. Succeeds only if every outcome is the expected one.
 *
 * <p>With TLS the gateway's listener speaks only HTTPS with the sample PKI's server certificate, and the one
 * submitter authenticates by its client certificate (mutual TLS); one extra document is sent without a
 * certificate and must be refused. The partner stubs stay plain HTTP on the loopback: the gateway trusts the
 * JDK's CAs for partner endpoints, and the sample root is not one of them.
 */
public final class DemoRun {

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    /** The submitter of the TLS demo: it submits for the Shenzhen exporter and the Shanghai fapiao issuer. */
    private static final String SUBMITTER = "cn-forwarder";
    private static final String CLIENT_KEY = "client-shenzhen";
    /** HTTPS with the sample server certificate; one submitter, known by its client certificate. */
    private static final String TLS_YAML = """
              tls: { keystore: pki/tls/gateway-tls.p12, password: silkgate-sample, client-auth: want }
            submitters:
              - id: %s
                client-certificate: pki/tls/%s.pem
                parties: ["VA:CN91440300MA5G00017X", "VA:CN91310115MA1H7Q2K0G"]
            """.formatted(SUBMITTER, CLIENT_KEY);

    private final Path dataDir;
    private final PrintStream out;
    private final boolean tls;
    private HttpClient http;
    private HttpClient withoutCertificate;

    public DemoRun(Path dataDir, PrintStream out) {
        this(dataDir, out, false);
    }

    /** @param tls HTTPS on the gateway's listener, and submitters authenticated by client certificate */
    public DemoRun(Path dataDir, PrintStream out, boolean tls) {
        this.dataDir = dataDir;
        this.out = out;
        this.tls = tls;
    }

    /** Runs the demo; true iff every document ended as expected. */
    public boolean run() throws Exception {
        Files.createDirectories(dataDir);
        SamplePki.copyTo(dataDir.resolve("pki"));
        http = client(tls ? SampleTls.client(CLIENT_KEY) : null);
        withoutCertificate = client(tls ? SampleTls.client(null) : null);
        TrustAnchors gatewayRoot = TrustAnchors.load(dataDir.resolve("pki/silkgate/root-ca.pem"), null);
        Map<String, StubPartner> partners = new LinkedHashMap<>();
        try {
            partners.put("vn-customs", new StubPartner(gatewayRoot, 0));
            partners.put("vn-buyer", new StubPartner(gatewayRoot, 2));
            partners.put("vn-archive", new StubPartner(gatewayRoot, -1));
            partners.put("vn-tax", new StubPartner(gatewayRoot, 0));
            partners.put("eu-buyer", new StubPartner(gatewayRoot, 0));
            partners.put("sg-platform", new StubPartner(gatewayRoot, 0));
            partners.put("sg-customs", new StubPartner(gatewayRoot, 0));
            int port = freePort();
            try (PintDemo billOfLading = new PintDemo(dataDir, http)) {
                SilkgateGateway gateway = new SilkgateGateway(ConfigLoader.load(writeConfig(port, partners,
                        billOfLading)));
                gateway.start();
                try {
                    URI base = URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port);
                    if (tls) {
                        out.println("TLS on: " + base + " (sample certificate pki/tls/gateway-tls.pem), submitter "
                                + SUBMITTER + " authenticated by its client certificate pki/tls/" + CLIENT_KEY
                                + ".pem");
                    }
                    List<Row> rows = submitAll(base, cases());
                    printTable(rows);
                    List<PintDemo.Outcome> transfers = billOfLading.run(base, partners.get("sg-customs"),
                            SETTLE_TIMEOUT);
                    printTransfers(transfers);
                    return summarise(rows, partners) & transfers.stream().allMatch(PintDemo.Outcome::ok);
                } finally {
                    gateway.stop();
                }
            }
        } finally {
            partners.values().forEach(StubPartner::close);
        }
    }

    private boolean summarise(List<Row> rows, Map<String, StubPartner> partners) {
        boolean signaturesGood = true;
        StringBuilder line = new StringBuilder("\nPartners received:");
        for (Map.Entry<String, StubPartner> p : partners.entrySet()) {
            List<StubPartner.Received> got = p.getValue().received();
            line.append(' ').append(p.getKey()).append(' ').append(got.size());
            // a refused attempt is still checked: every request must carry a valid gateway signature
            signaturesGood &= got.stream().allMatch(StubPartner.Received::signatureValid);
        }
        out.println(line + " (vn-buyer refuses twice on purpose, vn-archive is always down)");
        out.println("Gateway signatures on every delivery valid: " + (signaturesGood ? "yes" : "NO"));
        boolean allOk = rows.stream().allMatch(Row::ok) && signaturesGood;
        out.println(allOk ? "DEMO OK: every outcome was the expected one"
                : "DEMO FAILED: see the rows marked FAIL above");
        return allOk;
    }

    private List<DemoCase> cases() {
        byte[] unsigned = SamplePki.document("invoice-cn-vn.xml");
        byte[] signed = SamplePki.document("invoice-cn-vn.signed.xml");
        List<DemoCase> cases = new ArrayList<>(List.of(
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
                        "vn-archive", "DEAD_LETTERED"),
                DemoCase.accepted("VND invoice to VN tax, as vn-tt78",
                        sign(text(unsigned).replace("CN-SZ-2026-0001", "CN-SZ-2026-0004").replace("USD", "VND")),
                        "vn-tax", "vn-tax", "DELIVERED"),
                DemoCase.accepted("invoice to an EU buyer, as cii", signedVariant(unsigned, "0005"), "eu-buyer",
                        "eu-buyer", "DELIVERED"),
                DemoCase.accepted("export fapiao CN→SG, as pint-sg",
                        sign(text(SamplePki.document("fapiao-cn-sg-export.xml"))), "sg-platform", "sg-platform",
                        "DELIVERED"),
                DemoCase.rejected("fapiao with CN VAT → pint-sg", sign(text(SamplePki.document("fapiao-cn.xml"))),
                        "sg-platform", "RULES_INVALID")));
        if (tls) {
            cases.add(DemoCase.unauthenticated("no client certificate", signedVariant(unsigned, "0006")));
        }
        return cases;
    }

    private static HttpClient client(javax.net.ssl.SSLContext context) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        return context == null ? builder.build() : builder.sslContext(context).build();
    }

    /** Another invoice of the same exporter, signed now with the sample exporter key. */
    private static byte[] signedVariant(byte[] unsigned, String number) {
        return sign(text(unsigned).replace("CN-SZ-2026-0001", "CN-SZ-2026-" + number));
    }

    private static byte[] sign(String xml) {
        return SampleXmlSigner.signEnveloped(xml.getBytes(StandardCharsets.UTF_8),
                SamplePki.load("cn/exporter-shenzhen"));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
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
            HttpResponse<String> resp = (c.withoutCredentials() ? withoutCertificate : http).send(req.build(),
                    HttpResponse.BodyHandlers.ofString());
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
        String format = "%-34s %-20s %-26s %-12s %-18s %s%n";
        out.printf(format, "document", "format", "verdict", "destination", "delivery", "");
        out.printf(format, "-".repeat(34), "-".repeat(20), "-".repeat(26), "-".repeat(12), "-".repeat(18), "----");
        for (Row r : rows) {
            out.printf(format, r.demoCase.name(), r.formats(), r.verdict(), r.destination(), r.delivery(),
                    r.ok() ? "OK" : "FAIL (expected " + r.expected() + ")");
        }
    }

    private void printTransfers(List<PintDemo.Outcome> outcomes) {
        String format = "%-34s %-20s %-26s %s%n";
        out.println();
        out.printf(format, "bill of lading (DCSA PINT)", "expected", "got", "");
        out.printf(format, "-".repeat(34), "-".repeat(20), "-".repeat(26), "----");
        for (PintDemo.Outcome o : outcomes) {
            out.printf(format, o.name(), o.expected(), o.got(), o.ok() ? "OK" : "FAIL");
        }
    }

    private Path writeConfig(int port, Map<String, StubPartner> partners, PintDemo billOfLading) throws IOException {
        Map<String, String> formats = Map.of("vn-tax", "vn-tt78", "eu-buyer", "cii", "sg-platform", "pint-sg",
                "sg-customs", "iftmcs");
        StringBuilder partnerYaml = new StringBuilder();
        for (Map.Entry<String, StubPartner> p : partners.entrySet()) {
            partnerYaml.append("  - { id: ").append(p.getKey()).append(", country: ")
                    .append(p.getKey().substring(0, 2).toUpperCase(java.util.Locale.ROOT)).append(", format: ")
                    .append(formats.getOrDefault(p.getKey(), "ubl")).append(", endpoint: { type: rest, url: \"")
                    .append(p.getValue().url()).append("\" }")
                    .append("vn-archive".equals(p.getKey()) ? ", retry: { attempts: 3 }" : "").append(" }\n");
        }
        partnerYaml.append(billOfLading.partnerYaml());
        String yaml = """
                # written by 'silkgate demo'
                gateway:
                  http-host: 127.0.0.1
                  http-port: %d
                  data-dir: .
                  delivery: { attempts: 4, delay: 300ms, multiplier: 2, max-delay: 2s, timeout: 5s }
                %strust:
                  - { country: CN, anchors: pki/cn/root-ca.pem, crl: pki/cn/issuing-ca.crl }
                  - { country: VN, anchors: pki/vn/root-ca.pem, crl: pki/vn/issuing-ca.crl }
                partners:
                %srouting:
                  - { family: invoice, buyer-country: VN, format: ubl, to: [vn-customs] }
                directory:    # Peppol participant ids that PINT SG needs and a fapiao does not carry
                  - { party: "VA:CN91310115MA1H7Q2K0G", electronic-address: "0199:5493001KJTIIGC8Y1R12" }
                  - { party: "name:Lion City Example Trading Pte. Ltd.", electronic-address: "0195:SGUEN201912345K" }
                """.formatted(port, tls ? TLS_YAML : "", partnerYaml) + billOfLading.pintYaml();
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
