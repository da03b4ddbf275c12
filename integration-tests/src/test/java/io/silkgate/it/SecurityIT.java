package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.certs.SamplePki;
import io.silkgate.certs.SampleTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged gateway with TLS on every listener ({@code client-auth: want}), two certificate submitters for
 * two parties (one of them limited to one partner), one API-key submitter with a small rate limit, a PINT receiver,
 * metrics behind a scrape token and a small failed-authentication limit: every hostile input of the checklist is
 * refused with its documented status and code, reads and submissions have separate budgets, an address that keeps
 * failing to authenticate is turned away, nothing reaches the partner, the gateway stays healthy with a bounded
 * heap, and no secret shows up in its log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final String TLS_PASSWORD = "silkgate-sample";
    private static final String OPS_PASSWORD = "ops-Secret-4711-jmx";
    private static final String API_KEY = "k-limited-Secret-0123456789";
    private static final String SCRAPE_TOKEN = "scrape-Secret-0123456789abc";
    private static final int AUTH_FAILURE_LIMIT = 10;
    private static final String SHENZHEN_PARTY = "VA:CN91440300MA5G00017X";
    private static final int RATE_LIMIT = 5;

    @TempDir
    static Path dataDir;

    private static final StubPartner STUB = new StubPartner(StubPartner.Mode.ACCEPT);
    private static GatewayProcess gateway;
    private static int jmxPort;
    private static int jolokiaPort;
    private static HttpClient shenzhen;
    private static HttpClient hamburg;
    private static HttpClient noCertificate;
    private static int accepted;

    @BeforeAll
    static void start() throws Exception {
        jmxPort = GatewayProcess.freePort();
        jolokiaPort = GatewayProcess.freePort();
        gateway = new GatewayProcess(dataDir,
                "  tls: { keystore: pki/tls/gateway-tls.p12, password: \"${TLS_PW}\", client-auth: want }\n"
                        + "  max-document-size: 256KB\n"
                        + "  request-timeout: 3s\n"
                        + "  jmx: { port: " + jmxPort + " }\n"
                        + "  jolokia: { port: " + jolokiaPort + ", user: ops, password: \"${OPS_PW}\" }\n"
                        + "  auth-failure-limit: " + AUTH_FAILURE_LIMIT + "/min\n"
                        + "  metrics: { token-file: scrape.token }\n",
                "submitters:\n"
                        + "  - { id: shenzhen, client-certificate: pki/tls/client-shenzhen.pem, parties: [\""
                        + SHENZHEN_PARTY + "\"], destinations: [vn-customs] }\n"
                        + "  - { id: hamburg, client-certificate: pki/tls/client-hamburg.pem,"
                        + " parties: [\"VA:DE123456789\"] }\n"
                        + "  - { id: limited, api-key-file: limited.key, parties: [\"" + SHENZHEN_PARTY + "\"],"
                        + " rate-limit: " + RATE_LIMIT + "/min }\n"
                        + "partners:\n"
                        + GatewayProcess.partner("vn-customs", STUB, "")
                        + GatewayProcess.partner("vn-archive", STUB, "")
                        + "routing:\n"
                        + "  - { family: invoice, buyer-country: VN, to: [vn-customs] }\n"
                        + "pint:\n"
                        + "  platform: CARX\n"
                        + "  trust: pki/tls/root-ca.pem\n"
                        + "  parties: [ { codeListProvider: CARX, partyCode: bank-0007 } ]\n",
                Map.of("TLS_PW", TLS_PASSWORD, "OPS_PW", OPS_PASSWORD, "LIMITED_KEY", API_KEY,
                        "SCRAPE_TOKEN", SCRAPE_TOKEN));
        Files.writeString(dataDir.resolve("limited.key"), "${LIMITED_KEY}\n");
        Files.writeString(dataDir.resolve("scrape.token"), "${SCRAPE_TOKEN}\n");
        shenzhen = client(SampleTls.client("client-shenzhen"));
        hamburg = client(SampleTls.client("client-hamburg"));
        noCertificate = client(SampleTls.client(null));
        // the harness itself (document status, health) calls as the Shenzhen submitter
        gateway.useTls(SampleTls.client("client-shenzhen")).start();
        gateway.awaitRuleSetsWarm(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        STUB.close();
    }

    @Test
    @Order(1)
    void aSubmitterWithAValidCertificateForThePartyIsAcceptedAndDelivered() throws Exception {
        HttpResponse<String> answer = submit(shenzhen, Samples.freshSignedInvoice("sec-ok"), "application/xml");

        assertEquals(202, answer.statusCode(), answer.body());
        accepted++;
        String id = HttpAnswer.JSON.readTree(answer.body()).get("id").asText();
        gateway.awaitDocument(id, "delivered", d -> d.get("status").asText().equals("DELIVERED"),
                Duration.ofSeconds(60));
        assertEquals(1, STUB.acceptedFor(id).size());
    }

    @Test
    @Order(2)
    void aValidCertificateOfPartyBCannotSubmitADocumentIssuedByPartyA() throws Exception {
        HttpResponse<String> answer = submit(hamburg, Samples.freshSignedInvoice("sec-b-for-a"), "application/xml");

        assertProblem(answer, 403, "FORBIDDEN");
    }

    @Test
    @Order(2)
    void aSubmitterCannotSendToAPartnerOutsideItsDestinations() throws Exception {
        HttpResponse<String> answer = shenzhen.send(HttpRequest.newBuilder(gateway.baseUri().resolve("/api/v1/documents"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/xml")
                .header("Silkgate-Destination", "vn-archive")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.freshSignedInvoice("sec-elsewhere"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(answer, 403, "FORBIDDEN");
        assertTrue(answer.body().contains("vn-archive"), answer.body());
    }

    @Test
    @Order(3)
    void withoutCredentialsTheAnswerIs401AndAStrangersCertificateFailsTheHandshake() throws Exception {
        assertProblem(submit(noCertificate, Samples.freshSignedInvoice("sec-anon"), "application/xml"),
                401, "UNAUTHENTICATED");
        HttpClient stranger = client(SampleTls.client("client-stranger"));
        assertThrows(IOException.class,
                () -> submit(stranger, Samples.freshSignedInvoice("sec-stranger"), "application/xml"));
        // nor does the listener speak plain HTTP
        HttpClient plain = HttpClient.newHttpClient();
        assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.baseUri().getPort() + "/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    @Order(4)
    void hostileXmlIsMalformed() throws Exception {
        List<String> hostile = List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                "<!DOCTYPE r [<!ENTITY % d SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %d;]><r/>",
                billionLaughs(),
                "<!DOCTYPE r [<!ENTITY a \"" + "x".repeat(10_000) + "\">]><r>" + "&a;".repeat(10_000) + "</r>",
                "<a>".repeat(30_000) + "</a>".repeat(30_000),
                "<a>".repeat(30_000),
                manyAttributes(10_000),
                "<r id=\"" + "x".repeat(70_000) + "\"/>");
        for (String doc : hostile) {
            HttpResponse<String> answer = submit(shenzhen, doc.getBytes(StandardCharsets.UTF_8), "application/xml");
            assertProblem(answer, 400, "MALFORMED");
        }
        byte[] overlong = {'<', 'r', '>', (byte) 0xC0, (byte) 0xBC, '<', '/', 'r', '>'};
        assertProblem(submit(shenzhen, overlong, "application/xml"), 400, "MALFORMED");
        assertProblem(submit(shenzhen, "<r>a\u0000b</r>".getBytes(StandardCharsets.UTF_8), "application/xml"),
                400, "MALFORMED");
    }

    @Test
    @Order(5)
    void hostileJsonIsRefused() throws Exception {
        for (String json : List.of("{\"amount\":1,\"amount\":1000}", "[".repeat(100_000),
                "{\"n\":" + "9".repeat(100_000) + "}")) {
            HttpResponse<String> answer = submit(shenzhen, json.getBytes(StandardCharsets.UTF_8), "application/json");
            assertTrue(answer.statusCode() == 400 || answer.statusCode() == 422, answer.statusCode() + answer.body());
            String code = HttpAnswer.JSON.readTree(answer.body()).get("code").asText();
            assertTrue(code.equals("MALFORMED") || code.equals("UNKNOWN_FORMAT"), code);
        }
    }

    @Test
    @Order(6)
    void oversizedBodiesAre413AndLyingOrSlowUploadsAreCutOff() throws Exception {
        byte[] big = ("<r>" + "x".repeat(300 * 1024) + "</r>").getBytes(StandardCharsets.US_ASCII);
        assertProblem(submit(shenzhen, big, "application/xml"), 413, "PAYLOAD_TOO_LARGE");
        // announced far beyond every limit: refused before a byte of the body is read
        String head = rawExchange("POST /api/v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\n"
                + "Content-Length: 2000000000\r\n\r\n<r>", Duration.ofSeconds(20));
        assertTrue(head.startsWith("HTTP/1.1 413"), head);
        // fewer bytes than announced, then silence: the connection is closed at the request time-out (3 s)
        long started = System.nanoTime();
        String stalled = rawExchange("POST /api/v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\n"
                + "Content-Length: 100000\r\n\r\n<Invoice>", Duration.ofSeconds(30));
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertFalse(stalled.startsWith("HTTP/1.1 2"), stalled);
        assertTrue(seconds < 20, "a stalled upload must be cut off near the 3 s request time-out, took " + seconds);
        // a Content-Length shorter than the body: the body is cut there and is no document
        String shortened = rawExchange("POST /api/v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\n"
                + "Content-Length: 12\r\nConnection: close\r\n\r\n<Invoice><cbc:ID>1</cbc:ID></Invoice>", Duration.ofSeconds(20));
        assertTrue(shortened.startsWith("HTTP/1.1 400"), shortened);
    }

    @Test
    @Order(7)
    void inboundCamelHeadersAreIgnoredInAnyLetterCase() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            trap.setSoTimeout(500);
            HttpRequest request = HttpRequest.newBuilder(gateway.baseUri().resolve("/api/v1/documents"))
                    .header("Content-Type", "application/xml")
                    .header("CamelHttpUri", "http://127.0.0.1:" + trap.getLocalPort() + "/steal")
                    .header("camelJmsDestinationName", "silkgate.out.elsewhere")
                    .header("CAMELEXECCOMMANDEXECUTABLE", "/bin/sh")
                    .header("CamelFileName", "../../etc/cron.d/x")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.freshSignedInvoice("sec-camel"))).build();
            HttpResponse<String> answer = shenzhen.send(request, HttpResponse.BodyHandlers.ofString());

            assertEquals(202, answer.statusCode(), answer.body());
            accepted++;
            String id = HttpAnswer.JSON.readTree(answer.body()).get("id").asText();
            gateway.awaitDocument(id, "delivered", d -> d.get("status").asText().equals("DELIVERED"),
                    Duration.ofSeconds(60));
            assertEquals(1, STUB.acceptedFor(id).size(), "delivered to the configured partner, and only there");
            assertThrows(SocketTimeoutException.class, trap::accept, "no Camel header may steer a delivery");
            assertFalse(Files.exists(dataDir.resolve("../../etc/cron.d/x")));
        }
    }

    @Test
    @Order(8)
    void pathTricksInDocumentIdsAreUnknown() throws Exception {
        for (String id : List.of("..%2F..%2Fsilkgate.yaml", "%2e%2e%2f%2e%2e%2fpki", "..;", "x%00")) {
            HttpResponse<String> answer = shenzhen.send(HttpRequest.newBuilder(
                    gateway.baseUri().resolve("/api/v1/documents/" + id)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(answer.statusCode() == 404 || answer.statusCode() == 400, id + " → " + answer.statusCode());
            assertFalse(answer.body().contains("keystore") || answer.body().contains("BEGIN"), answer.body());
        }
    }

    @Test
    @Order(9)
    void xopIncludesPointingAtFilesAreMalformedSoapFaults() throws Exception {
        HttpResponse<String> answer = soapWithXopInclude("file:///etc/passwd");

        assertTrue(answer.body().contains("<faultcode>soap:Client</faultcode>"), answer.body());
        assertTrue(answer.body().contains("MALFORMED"), answer.body());
        assertFalse(answer.body().contains("root:x:0"), answer.body());
    }

    @Test
    @Order(10)
    void requestsOverTheRateLimitGet429WithRetryAfter() throws Exception {
        HttpResponse<String> last = null;
        int allowed = 0;
        for (int i = 0; i < RATE_LIMIT + 2; i++) {
            HttpRequest request = HttpRequest.newBuilder(gateway.baseUri().resolve("/api/v1/documents"))
                    .header("Content-Type", "application/xml").header("Authorization", "Bearer " + API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("<r>not an invoice " + i + "</r>")).build();
            last = noCertificate.send(request, HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() != 429) {
                allowed++;
            }
        }
        assertEquals(RATE_LIMIT, allowed, "a bucket of " + RATE_LIMIT + " tokens");
        assertProblem(last, 429, "TOO_MANY_REQUESTS");
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "one token every 12 s: " + retryAfter);
    }

    @Test
    @Order(11)
    void jmxSpeaksOnlyTlsAndTheCommandLineReachesItWithTheTlsTrust() {
        JarCommand.Result withTrust = JarCommand.run(dataDir, Duration.ofSeconds(90), "partners", "--jmx",
                "127.0.0.1:" + jmxPort, "--tls-trust", "pki/tls/root-ca.pem", "list");
        assertEquals(0, withTrust.exitCode(), withTrust.stdout() + withTrust.stderr());
        assertTrue(withTrust.stdout().contains("vn-customs"), withTrust.stdout());

        JarCommand.Result plain = JarCommand.run(dataDir, Duration.ofSeconds(90), "partners", "--jmx",
                "127.0.0.1:" + jmxPort, "list");
        assertNotEquals(0, plain.exitCode(), "plain RMI must not reach a TLS-only JMX: " + plain.stdout());
    }

    @Test
    @Order(13)
    void readsHaveABudgetOfTheirOwnApartFromSubmissions() throws Exception {
        HttpResponse<String> refused = null;
        for (int i = 0; i < RATE_LIMIT + 2 && (refused == null || refused.statusCode() != 429); i++) {
            refused = noCertificate.send(withKey(HttpRequest.newBuilder(gateway.baseUri().resolve("/api/v1/documents"))
                    .header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofString("<r>not an invoice</r>"))), HttpResponse.BodyHandlers.ofString());
        }
        assertProblem(refused, 429, "TOO_MANY_REQUESTS");

        // submissions used up, and still the submitter may look at documents: 5 x its 5/min
        int reads = 0;
        HttpResponse<String> read;
        do {
            read = noCertificate.send(withKey(HttpRequest.newBuilder(gateway.baseUri().resolve("/api/v1/documents/"
                    + UUID.randomUUID()))), HttpResponse.BodyHandlers.ofString());
            if (read.statusCode() == 404) {
                reads++;
            }
        } while (read.statusCode() == 404 && reads < 100);
        assertTrue(reads >= 5 * RATE_LIMIT && reads <= 5 * RATE_LIMIT + 2, "reads allowed: " + reads);
        assertProblem(read, 429, "TOO_MANY_REQUESTS");
        assertTrue(read.body().contains("read rate limit"), read.body());
        assertTrue(read.headers().firstValue("Retry-After").isPresent(), read.headers().toString());
    }

    @Test
    @Order(14)
    void metricsNeedTheScrapeTokenOrASubmittersCredentials() throws Exception {
        HttpRequest.Builder metrics = HttpRequest.newBuilder(gateway.baseUri().resolve("/metrics"));
        assertProblem(noCertificate.send(metrics.build(), HttpResponse.BodyHandlers.ofString()), 401, "UNAUTHENTICATED");

        HttpResponse<String> scraped = noCertificate.send(metrics.header("Authorization", "Bearer " + SCRAPE_TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scraped.statusCode(), scraped.body());
        assertTrue(scraped.body().contains("silkgate_documents_received_total"), scraped.body());

        HttpResponse<String> bySubmitter = shenzhen.send(HttpRequest.newBuilder(gateway.baseUri().resolve("/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, bySubmitter.statusCode(), bySubmitter.body());
        // the scrape token opens the metrics and nothing else
        assertProblem(noCertificate.send(HttpRequest.newBuilder(gateway.baseUri().resolve("/api/v1/documents"))
                .header("Authorization", "Bearer " + SCRAPE_TOKEN).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<r/>")).build(), HttpResponse.BodyHandlers.ofString()),
                401, "UNAUTHENTICATED");
    }

    @Test
    @Order(15)
    void hostileJsonAtThePintReceiverIsRefusedAsABadEnvelope() throws Exception {
        for (String json : List.of("{\"transportDocument\":{},\"transportDocument\":{}}",
                "{\"a\":" + "[".repeat(100_000) + "}", "{\"n\":" + "9".repeat(100_000) + "}",
                "{\"n\":1e999999999}", "\"\\ud800\"", "{\"a\":\"\u0000\"}")) {
            HttpResponse<String> answer = shenzhen.send(HttpRequest.newBuilder(
                            gateway.baseUri().resolve("/pint/v3/envelopes")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(422, answer.statusCode(), () -> json.substring(0, Math.min(20, json.length())) + " → "
                    + answer.body());
            assertEquals("BENV", pintResponseCode(answer.body()), answer.body());
        }
    }

    @Test
    @Order(15)
    void pathTricksInIdsAreRefusedAtEveryEndpointWithAnId() throws Exception {
        List<String> tricks = List.of("..%2F..%2Fsilkgate.yaml", "%2e%2e%2f%2e%2e%2fpki", "..;", "x%00",
                "..%5C..%5Csilkgate.yaml", "%252e%252e%252f");
        for (String id : tricks) {
            for (String path : List.of("/api/v1/documents/" + id + "/original", "/api/v1/documents/" + id + "/evidence")) {
                HttpResponse<String> answer = shenzhen.send(HttpRequest.newBuilder(gateway.baseUri().resolve(path))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(answer.statusCode() == 404 || answer.statusCode() == 400, path + " → " + answer.statusCode());
                assertNoSecretIn(answer.body());
            }
            String checksum = "0".repeat(64);
            for (String path : List.of("/pint/v3/envelopes/" + id + "/additional-documents/" + checksum,
                    "/pint/v3/envelopes/" + id + "/finish-transfer",
                    "/pint/v3/envelopes/" + UUID.randomUUID() + "/additional-documents/" + id)) {
                HttpResponse<String> answer = shenzhen.send(HttpRequest.newBuilder(gateway.baseUri().resolve(path))
                        .PUT(HttpRequest.BodyPublishers.ofString("\"AAAA\"")).header("Content-Type", "application/json")
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, path + " → " + answer.statusCode()
                        + " " + answer.body());
                assertNoSecretIn(answer.body());
            }
        }
    }

    @Test
    @Order(16)
    void xopIncludesPointingAtAUrlAreMalformedAndNotFetched() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            trap.setSoTimeout(500);
            for (String href : List.of("http://127.0.0.1:" + trap.getLocalPort() + "/secret",
                    "cid:missing@it", "file:///proc/self/environ")) {
                HttpResponse<String> answer = soapWithXopInclude(href);
                assertTrue(answer.body().contains("<faultcode>soap:Client</faultcode>"), answer.body());
                assertTrue(answer.body().contains("MALFORMED"), answer.body());
            }
            assertThrows(SocketTimeoutException.class, trap::accept, "an XOP include must never be fetched");
        }
    }

    @Test
    @Order(16)
    void pintSignaturesNamingRemoteKeysAreRefusedAndNothingIsFetched() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            trap.setSoTimeout(500);
            String trapUrl = "http://127.0.0.1:" + trap.getLocalPort() + "/keys";
            for (String header : List.of("{\"alg\":\"ES256\",\"jku\":\"" + trapUrl + "\"}",
                    "{\"alg\":\"RS256\",\"x5u\":\"" + trapUrl + "\"}",
                    "{\"alg\":\"none\"}", "{\"alg\":\"HS256\",\"kid\":\"../../pki/tls/gateway-tls.p12\"}")) {
                String jws = base64Url(header) + "." + base64Url("{\"transportDocumentChecksum\":\"" + "0".repeat(64)
                        + "\"}") + "." + base64Url("not a signature");
                String envelope = "{\"transportDocument\":{\"transportDocumentReference\":\"SECIT0001\"},"
                        + "\"envelopeManifestSignedContent\":\"" + jws + "\",\"envelopeTransferChain\":[\"" + jws + "\"]}";
                HttpResponse<String> answer = shenzhen.send(HttpRequest.newBuilder(
                                gateway.baseUri().resolve("/pint/v3/envelopes")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(422, answer.statusCode(), header + " → " + answer.body());
                String code = pintResponseCode(answer.body());
                assertTrue(code.equals("BSIG") || code.equals("BENV"), header + " → " + code);
            }
            assertThrows(SocketTimeoutException.class, trap::accept, "a jku/x5u URL must never be fetched");
        }
    }

    @Test
    @Order(18)
    void repeatedFailedAuthenticationsFromOneAddressGet429EvenWithValidCredentials() throws Exception {
        int failures = 0;
        HttpResponse<String> answer;
        do {
            answer = noCertificate.send(HttpRequest.newBuilder(gateway.baseUri().resolve("/api/v1/documents/"
                    + UUID.randomUUID())).header("Authorization", "Bearer guess-" + failures).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 401) {
                failures++;
            }
        } while (answer.statusCode() == 401 && failures <= AUTH_FAILURE_LIMIT);
        assertTrue(failures <= AUTH_FAILURE_LIMIT, "401s before the address was turned away: " + failures);
        assertProblem(answer, 429, "TOO_MANY_REQUESTS");
        long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 6, "one failure forgiven every 6 s: " + retryAfter);

        // the credentials are not even looked at: a valid certificate from the same address is turned away too
        assertProblem(shenzhen.send(HttpRequest.newBuilder(gateway.baseUri().resolve("/api/v1/documents/"
                + UUID.randomUUID())).build(), HttpResponse.BodyHandlers.ofString()), 429, "TOO_MANY_REQUESTS");
        // another address is not affected
        String fromElsewhere = rawExchange("127.0.0.2", "GET /api/v1/documents/" + UUID.randomUUID()
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", Duration.ofSeconds(20));
        assertTrue(fromElsewhere.startsWith("HTTP/1.1 404"), fromElsewhere);
        // and health stays open for the monitoring
        assertEquals(200, noCertificate.send(HttpRequest.newBuilder(gateway.baseUri().resolve("/api/v1/health"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    @Order(99)
    void afterAllOfItTheGatewayIsHealthyItsHeapBoundedAndNoSecretIsLogged() throws Exception {
        HttpResponse<String> health = noCertificate.send(HttpRequest.newBuilder(
                gateway.baseUri().resolve("/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());

        // Jolokia answers over HTTPS only; the heap after a full collection is what the attacks left behind
        jolokia("/jolokia/exec/java.lang:type=Memory/gc");
        long used = jolokia("/jolokia/read/java.lang:type=Memory/HeapMemoryUsage").get("value").get("used").asLong();
        assertTrue(used < 256L * 1024 * 1024, "heap after the attacks: " + used / (1024 * 1024) + " MB of -Xmx384m");

        assertEquals(accepted, STUB.requests().size(), "only the accepted documents reached the partner: "
                + STUB.describe());
        String log = gateway.logText();
        for (String secret : List.of(TLS_PASSWORD, OPS_PASSWORD, API_KEY, SCRAPE_TOKEN)) {
            assertFalse(log.contains(secret), "the gateway log shows a secret");
        }
        assertTrue(log.contains("https://127.0.0.1:"), "the READY line names the HTTPS listener");
    }

    private static HttpResponse<String> soapWithXopInclude(String href) throws Exception {
        String boundary = "it-xop";
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<d:SubmitDocument xmlns:d=\"urn:silkgate:document-exchange:1\"><d:document>"
                + "<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"" + href + "\"/>"
                + "</d:document><d:mediaType>application/xml</d:mediaType></d:SubmitDocument></soap:Body></soap:Envelope>";
        String body = "--" + boundary + "\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"text/xml\"\r\n"
                + "Content-ID: <root@it>\r\n\r\n" + envelope + "\r\n--" + boundary + "--\r\n";
        return shenzhen.send(HttpRequest.newBuilder(gateway.baseUri().resolve("/soap/DocumentExchange"))
                .header("Content-Type", "multipart/related; type=\"application/xop+xml\"; boundary=\"" + boundary
                        + "\"; start=\"<root@it>\"; start-info=\"text/xml\"")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The limited submitter's API key on a request to the gateway. */
    private static HttpRequest withKey(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + API_KEY).timeout(Duration.ofSeconds(30)).build();
    }

    /** The {@code responseCode} of a PINT answer (a JSON string holding a compact JWS), or its HTTP error text. */
    private static String pintResponseCode(String body) throws IOException {
        JsonNode answer = HttpAnswer.JSON.readTree(body);
        if (!answer.isTextual()) {
            return answer.path("statusCodeText").asText("?");
        }
        String[] jws = answer.asText().split("\\.");
        return HttpAnswer.JSON.readTree(Base64.getUrlDecoder().decode(jws[1])).path("responseCode").asText("?");
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertNoSecretIn(String body) {
        assertFalse(body.contains("keystore") || body.contains("BEGIN") || body.contains("root:x:0")
                || body.contains("silkgate-sample"), body);
    }

    private static JsonNode jolokia(String path) throws Exception {
        HttpResponse<String> answer = noCertificate.send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + jolokiaPort + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("ops:" + OPS_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode json = HttpAnswer.JSON.readTree(answer.body());
        assertEquals(200, json.get("status").asInt(), answer.body());
        return json;
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String code) throws IOException {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                answer.headers().toString());
        assertEquals(code, HttpAnswer.JSON.readTree(answer.body()).get("code").asText(), answer.body());
    }

    private static HttpResponse<String> submit(HttpClient client, byte[] body, String contentType) throws Exception {
        return client.send(HttpRequest.newBuilder(gateway.baseUri().resolve("/api/v1/documents"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Writes {@code request} over TLS as the Shenzhen submitter and returns what comes back until the close. */
    private static String rawExchange(String request, Duration timeout) throws Exception {
        return rawExchange("127.0.0.1", request, timeout);
    }

    /** The same from a given local address (the loopback network has them all). */
    private static String rawExchange(String from, String request, Duration timeout) throws Exception {
        try (SSLSocket socket = (SSLSocket) SampleTls.client("client-shenzhen").getSocketFactory()
                .createSocket("127.0.0.1", gateway.baseUri().getPort(), InetAddress.getByName(from), 0)) {
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            try {
                return new String(in.readNBytes(200), StandardCharsets.UTF_8);
            } catch (IOException closed) {
                return "(connection closed: " + closed.getMessage() + ")";
            }
        }
    }

    private static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .sslContext(tls).build();
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        return dtd.append("]><lolz>&lol10;</lolz>").toString();
    }

    private static String manyAttributes(int n) {
        StringBuilder doc = new StringBuilder("<r");
        for (int i = 0; i < n; i++) {
            doc.append(" a").append(i).append("=\"1\"");
        }
        return doc.append("/>").toString();
    }
}
