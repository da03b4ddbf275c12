package io.silkgate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.silkgate.certs.SamplePki;
import io.silkgate.certs.SampleTls;
import io.silkgate.gateway.config.ApiKeyHash;
import io.silkgate.gateway.config.MetricsAccess;
import io.silkgate.gateway.config.RateLimit;
import io.silkgate.gateway.config.Secret;
import io.silkgate.gateway.config.TlsSettings;
import io.silkgate.gateway.jmx.IntakeStatistics;
import io.silkgate.gateway.metrics.GatewayMetrics;
import io.silkgate.gateway.metrics.MetricsResource;
import io.silkgate.gateway.soap.DocumentExchangeEndpoint;
import io.silkgate.gateway.tls.TlsListener;
import io.silkgate.ledger.DocumentRecord;
import io.silkgate.ledger.DocumentStatus;
import io.silkgate.ledger.Ledger;
import io.silkgate.ledger.LedgerDatabase;
import io.silkgate.routes.DocumentArchive;
import io.silkgate.routes.IntakeOutcome;
import io.silkgate.routes.Sha256;
import io.silkgate.routes.Submission;
import io.silkgate.schemas.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP listener with TLS on, client-auth {@code want}: a submitter with a pinned client certificate, one with
 * an API key, the TLS policy, the rate limit and the object-level checks of the document API.
 */
class HttpApiSecurityTest {

    private static final String KEY = "k-hamburg-0123456789abcdef";
    private static final String LIMITED_KEY = "k-limited-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static LedgerDatabase database;
    private static Ledger ledger;
    private static HttpApi api;
    private static String base;
    private static int port;
    private static final List<Submission> SEEN = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        database = LedgerDatabase.open(LedgerDatabase.embeddedUrl(dir), null, null);
        ledger = new Ledger(database.dataSource(), Clock.systemUTC());
        Path pki = SamplePki.copyTo(dir.resolve("pki"));
        X509Certificate shenzhen = SamplePki.certificate("tls/client-shenzhen.pem");
        SubmitterAuthenticator submitters = new SubmitterAuthenticator(
                List.of(new SubmitterAuthenticator.KeyEntry(ApiKeyHash.ofKey(KEY), "hamburg"),
                        new SubmitterAuthenticator.KeyEntry(ApiKeyHash.ofKey(LIMITED_KEY), "limited")),
                Map.of(SubmitterAuthenticator.fingerprint(shenzhen), "shenzhen"));
        IntakeStatistics statistics = new IntakeStatistics(new GatewayMetrics());
        DocumentArchive archive = new DocumentArchive(dir.resolve("archive"));
        Function<Submission, IntakeOutcome> intake = s -> {
            SEEN.add(s);
            String id = UUID.randomUUID().toString();
            archive.store(id, s.body());
            ledger.recordAccepted(new DocumentRecord(id, s.submitter(), "ubl", "invoice", "B-" + id,
                    Sha256.hex(s.body()), null, DocumentStatus.RECEIVED, Instant.now(), null, null, false), List.of());
            return IntakeOutcome.accepted(id, "ubl", Sha256.hex(s.body()), List.of());
        };
        long max = 64 * 1024;
        DocumentsResource rest = new DocumentsResource(intake, ledger, archive,
                max, () -> Map.of("status", "UP"), statistics);
        TlsSettings tls = new TlsSettings(pki.resolve("tls/gateway-tls.p12"), Secret.of("silkgate-sample"), "want");
        SubmitterGate gate = new SubmitterGate(submitters, new SubmitterGate.Limits(
                new RateLimiter(Map.of("limited", new RateLimit(3, Duration.ofHours(1))), RateLimit.UNLIMITED),
                new RateLimiter(Map.of(), RateLimit.UNLIMITED), new AuthFailureThrottle(RateLimit.UNLIMITED)),
                MetricsAccess.OPEN, DocumentExchangeEndpoint::rejection, code -> statistics.rejectedAtTheDoor(code.name()));
        port = freePort();
        base = "https://127.0.0.1:" + port;
        api = new HttpApi(new ListenerSettings("127.0.0.1", port, TlsListener.serverParameters(tls, List.of(shenzhen)),
                Duration.ofSeconds(30), DocumentExchangeEndpoint.maxRequestBytes(max)), gate, rest,
                new MetricsResource(new GatewayMetrics()), new DocumentExchangeEndpoint(intake, ledger, max, statistics), null);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aPinnedClientCertificateAuthenticatesWithoutAnyKey() throws Exception {
        HttpResponse<String> answer = post(client("client-shenzhen"), "<Invoice>mtls-1</Invoice>", null);

        assertEquals(202, answer.statusCode(), answer.body());
        assertEquals("shenzhen", lastSubmitter("mtls-1"));
    }

    @Test
    void withoutCertificateOrKeyTheAnswerIs401() throws Exception {
        HttpResponse<String> answer = post(client(null), "<Invoice>nobody-1</Invoice>", null);

        assertEquals(401, answer.statusCode());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        assertEquals("UNAUTHENTICATED", JSON.readTree(answer.body()).get("code").asText());
        assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertFalse(SEEN.stream().anyMatch(s -> new String(s.body(), StandardCharsets.UTF_8).contains("nobody-1")));
    }

    @Test
    void aCertificateOfTheSameCaThatIsNotConfiguredFailsTheHandshake() {
        assertThrows(IOException.class, () -> post(client("client-stranger"), "<Invoice>stranger-1</Invoice>", null));
        assertFalse(SEEN.stream().anyMatch(s -> new String(s.body(), StandardCharsets.UTF_8).contains("stranger-1")));
    }

    @Test
    void onlyTls12And13WithForwardSecretAeadSuitesAreSpoken() throws Exception {
        SSLContext context = SampleTls.client(null);
        try (SSLSocket tls13 = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            tls13.startHandshake();
            assertEquals("TLSv1.3", tls13.getSession().getProtocol());
        }
        try (SSLSocket tls12 = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            tls12.setEnabledProtocols(new String[] {"TLSv1.2"});
            tls12.startHandshake();
            assertTrue(tls12.getSession().getCipherSuite().startsWith("TLS_ECDHE_"), tls12.getSession().getCipherSuite());
            assertTrue(tls12.getSession().getCipherSuite().contains("GCM")
                    || tls12.getSession().getCipherSuite().contains("CHACHA20"));
        }
        try (SSLSocket cbc = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            cbc.setEnabledProtocols(new String[] {"TLSv1.2"});
            cbc.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"});
            assertThrows(SSLException.class, cbc::startHandshake, "CBC suites are not offered");
        }
    }

    @Test
    void plainHttpOnTheTlsPortGetsNoAnswer() throws Exception {
        try (java.net.Socket plain = new java.net.Socket("127.0.0.1", port)) {
            plain.setSoTimeout(5000);
            OutputStream out = plain.getOutputStream();
            out.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = plain.getInputStream();
            byte[] head = in.readNBytes(4);
            assertFalse(new String(head, StandardCharsets.US_ASCII).startsWith("HTTP"), "no plain-text answer");
        } catch (IOException expected) {
            // a reset connection is as good as no answer
        }
    }

    @Test
    void anApiKeyAuthenticatesWhenNoCertificateIsPresentedAndTheLimitAnswers429() throws Exception {
        HttpClient client = client(null);
        assertEquals(202, post(client, "<Invoice>keyed-0</Invoice>", KEY).statusCode());
        assertEquals("hamburg", lastSubmitter("keyed-0"));
        for (int i = 1; i <= 3; i++) {
            assertEquals(202, post(client, "<Invoice>keyed-" + i + "</Invoice>", LIMITED_KEY).statusCode());
        }

        HttpResponse<String> over = post(client, "<Invoice>keyed-over</Invoice>", LIMITED_KEY);

        assertEquals(429, over.statusCode());
        JsonNode problem = JSON.readTree(over.body());
        assertEquals("TOO_MANY_REQUESTS", problem.get("code").asText());
        assertEquals(429, problem.get("status").asInt());
        long retryAfter = Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 1000 && retryAfter <= 1200, "3 an hour: next token in 20 minutes, was " + retryAfter);
        assertFalse(SEEN.stream().anyMatch(s -> new String(s.body(), StandardCharsets.UTF_8).contains("keyed-over")));
        // another submitter has its own bucket
        assertEquals(202, post(client("client-shenzhen"), "<Invoice>mtls-2</Invoice>", null).statusCode());
    }

    @Test
    void healthIsOpenButDocumentsAreOnlyShownToTheirSubmitter() throws Exception {
        assertEquals(200, get(client(null), "/api/v1/health").statusCode());
        HttpResponse<String> mine = post(client("client-shenzhen"), "<Invoice>owned-1</Invoice>", null);
        String id = JSON.readTree(mine.body()).get("id").asText();

        assertEquals(200, get(client("client-shenzhen"), "/api/v1/documents/" + id).statusCode());
        assertEquals(200, get(client("client-shenzhen"), "/api/v1/documents/" + id + "/original").statusCode());
        assertEquals(401, get(client(null), "/api/v1/documents/" + id).statusCode());
        // a well-known id of somebody else reads like an unknown one
        HttpRequest foreign = HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/" + id))
                .header("Authorization", "Bearer " + KEY).GET().build();
        assertEquals(404, client(null).send(foreign, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void idsThatAreNotDocumentIdsAreUnknownAndNotEchoed() throws Exception {
        for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e", "x%00y", "a".repeat(300),
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E")) {
            HttpResponse<String> answer = get(client("client-shenzhen"), "/api/v1/documents/" + id);
            assertEquals(404, answer.statusCode(), id + " → " + answer.body());
            assertFalse(answer.body().contains("script") || answer.body().contains("passwd"), answer.body());
        }
    }

    private static String lastSubmitter(String marker) {
        return SEEN.stream().filter(s -> new String(s.body(), StandardCharsets.UTF_8).contains(marker))
                .map(Submission::submitter).findFirst().orElseThrow();
    }

    private static HttpResponse<String> post(HttpClient client, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/documents"))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient client(String clientKey) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(SampleTls.client(clientKey))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
