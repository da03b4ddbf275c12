package io.silkgate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.gateway.config.ApiKeyHash;
import io.silkgate.gateway.config.MetricsAccess;
import io.silkgate.gateway.config.RateLimit;
import io.silkgate.gateway.jmx.IntakeStatistics;
import io.silkgate.gateway.metrics.GatewayMetrics;
import io.silkgate.gateway.metrics.MetricsResource;
import io.silkgate.gateway.soap.DocumentExchangeEndpoint;
import io.silkgate.ledger.Ledger;
import io.silkgate.ledger.LedgerDatabase;
import io.silkgate.routes.DocumentArchive;
import io.silkgate.routes.IntakeOutcome;
import io.silkgate.routes.Submission;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's budgets on a real (plain HTTP) listener: failed authentications per client address, separate read
 * and submission limits, and the metrics behind a scrape token. Each test has a listener of its own, so one
 * test's failures do not throttle another's.
 */
class SubmitterGateTest {

    private static final String KEY = "k-acme-0123456789abcdef";
    private static final String SCRAPE_TOKEN = "scrape-0123456789abcdef";

    @TempDir
    static Path dir;

    private static LedgerDatabase database;
    private static Ledger ledger;
    private HttpApi api;
    private int port;

    @BeforeAll
    static void openLedger() {
        database = LedgerDatabase.open(LedgerDatabase.embeddedUrl(dir), null, null);
        ledger = new Ledger(database.dataSource(), Clock.systemUTC());
    }

    @AfterAll
    static void closeLedger() {
        database.close();
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void anAddressWithTooManyFailedAuthenticationsGets429EvenWithAValidKeyAndOthersDoNot() throws Exception {
        start(limits(RateLimit.UNLIMITED, RateLimit.UNLIMITED, new RateLimit(3, Duration.ofHours(1))),
                MetricsAccess.OPEN);
        assertEquals(401, request("127.0.0.1", "GET", "/api/v1/documents/" + UUID.randomUUID(), "wrong-1").status);
        assertEquals(401, request("127.0.0.1", "GET", "/api/v1/documents/" + UUID.randomUUID(), null).status);
        for (int i = 0; i < 10; i++) {
            assertEquals(404, request("127.0.0.1", "GET", "/api/v1/documents/" + UUID.randomUUID(), KEY).status,
                    "successful authentications cost nothing");
        }
        assertEquals(401, request("127.0.0.1", "GET", "/api/v1/documents/" + UUID.randomUUID(), "wrong-2").status);

        Answer blocked = request("127.0.0.1", "GET", "/api/v1/documents/" + UUID.randomUUID(), KEY);
        assertEquals(429, blocked.status, blocked.text);
        assertTrue(blocked.text.contains("Retry-After: "), blocked.text);
        assertTrue(blocked.text.contains("\"code\":\"TOO_MANY_REQUESTS\""), blocked.text);
        assertTrue(blocked.text.contains("failed authentications"), blocked.text);
        assertEquals(429, request("127.0.0.1", "POST", "/api/v1/documents", "wrong-3").status);
        assertEquals(200, request("127.0.0.1", "GET", "/api/v1/health", null).status, "health stays open");

        assertEquals(404, request("127.0.0.2", "GET", "/api/v1/documents/" + UUID.randomUUID(), KEY).status,
                "another address is not affected");
        assertEquals(401, request("127.0.0.2", "GET", "/api/v1/documents/" + UUID.randomUUID(), "wrong-4").status);
    }

    @Test
    void readsDoNotUseUpTheSubmissionBudgetAndHaveTheirOwn() throws Exception {
        start(limits(new RateLimit(1, Duration.ofHours(1)), new RateLimit(3, Duration.ofHours(1)),
                RateLimit.UNLIMITED), MetricsAccess.OPEN);
        for (int i = 0; i < 3; i++) {
            assertEquals(404, request("127.0.0.1", "GET", "/api/v1/documents/" + UUID.randomUUID(), KEY).status);
        }
        Answer readsSpent = request("127.0.0.1", "GET", "/api/v1/documents/" + UUID.randomUUID(), KEY);
        assertEquals(429, readsSpent.status, readsSpent.text);
        assertTrue(readsSpent.text.contains("read rate limit"), readsSpent.text);

        assertEquals(202, request("127.0.0.1", "POST", "/api/v1/documents", KEY).status, "submitting still works");
        Answer submissionsSpent = request("127.0.0.1", "POST", "/api/v1/documents", KEY);
        assertEquals(429, submissionsSpent.status, submissionsSpent.text);
        assertTrue(submissionsSpent.text.contains("submission rate limit"), submissionsSpent.text);
    }

    @Test
    void closedMetricsTakeTheScrapeTokenOrASubmittersKey() throws Exception {
        start(limits(RateLimit.UNLIMITED, RateLimit.UNLIMITED, RateLimit.UNLIMITED),
                MetricsAccess.authenticated(ApiKeyHash.ofKey(SCRAPE_TOKEN)));
        Answer anonymous = request("127.0.0.1", "GET", "/metrics", null);
        assertEquals(401, anonymous.status, anonymous.text);
        assertTrue(anonymous.text.contains("\"code\":\"UNAUTHENTICATED\""), anonymous.text);
        assertEquals(401, request("127.0.0.1", "GET", "/metrics", "not-the-token").status);
        Answer scraped = request("127.0.0.1", "GET", "/metrics", SCRAPE_TOKEN);
        assertEquals(200, scraped.status, scraped.text);
        assertTrue(scraped.text.contains("silkgate_"), scraped.text);
        assertEquals(200, request("127.0.0.1", "GET", "/metrics", KEY).status);
        assertEquals(401, request("127.0.0.1", "POST", "/api/v1/documents", SCRAPE_TOKEN).status,
                "the scrape token is good for the metrics only");
    }

    @Test
    void openMetricsNeedNothing() throws Exception {
        start(limits(RateLimit.UNLIMITED, RateLimit.UNLIMITED, RateLimit.UNLIMITED), MetricsAccess.OPEN);
        assertEquals(200, request("127.0.0.1", "GET", "/metrics", null).status);
    }

    private static SubmitterGate.Limits limits(RateLimit submissions, RateLimit reads, RateLimit failures) {
        return new SubmitterGate.Limits(new RateLimiter(Map.of(), submissions), new RateLimiter(Map.of(), reads),
                new AuthFailureThrottle(failures));
    }

    private void start(SubmitterGate.Limits limits, MetricsAccess metrics) throws Exception {
        GatewayMetrics meters = new GatewayMetrics();
        meters.registry().counter("silkgate_probe").increment();
        IntakeStatistics statistics = new IntakeStatistics(meters);
        Function<Submission, IntakeOutcome> intake =
                s -> IntakeOutcome.accepted(UUID.randomUUID().toString(), "ubl", "00", List.of());
        long max = 64 * 1024;
        DocumentsResource rest = new DocumentsResource(intake, ledger, new DocumentArchive(dir.resolve("archive")),
                max, () -> Map.of("status", "UP"), statistics);
        SubmitterGate gate = new SubmitterGate(SubmitterAuthenticator.ofKeys(Map.of(KEY, "acme")), limits, metrics,
                DocumentExchangeEndpoint::rejection, code -> statistics.rejectedAtTheDoor(code.name()));
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        api = new HttpApi(new ListenerSettings("0.0.0.0", port, null, Duration.ofSeconds(30),
                DocumentExchangeEndpoint.maxRequestBytes(max)), gate, rest, new MetricsResource(meters),
                new DocumentExchangeEndpoint(intake, ledger, max, statistics), null);
    }

    private record Answer(int status, String text) {
    }

    /** One HTTP/1.1 exchange from the given local address (the loopback network has them all). */
    private Answer request(String from, String method, String path, String key) throws Exception {
        String body = method.equals("POST") ? "<Invoice>gate</Invoice>" : "";
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + (key == null ? "" : "Authorization: Bearer " + key + "\r\n")
                + (body.isEmpty() ? "" : "Content-Type: application/xml\r\nContent-Length: " + body.length() + "\r\n")
                + "\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(text.substring(9, 12)), text);
        }
    }
}
