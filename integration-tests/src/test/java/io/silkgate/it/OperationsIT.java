package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's tools against the packaged gateway: remote JMX with a password (Camel's route statistics, the
 * intake counters, pause/resume and dead-letter redelivery of a partner), the Prometheus scrape, the health
 * endpoints and {@code silkgate partners} over the same JMX port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(150)
class OperationsIT {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final String PASSWORD = "ops-secret-" + Long.toHexString(System.nanoTime());
    private static final String INTAKE_ROUTE = "org.apache.camel:context=silkgate,type=routes,name=\"intake\"";
    private static final String INTAKE = "io.silkgate:type=Intake";
    private static final String P1 = "io.silkgate:type=Partner,name=p1";

    @TempDir
    static Path dataDir;

    private final StubPartner stub = new StubPartner(StubPartner.Mode.ACCEPT);
    private GatewayProcess gateway;
    private int jmxPort;
    private int jolokiaPort;
    private JMXConnector connector;
    private MBeanServerConnection jmx;

    @BeforeAll
    void startGateway() throws IOException {
        jmxPort = GatewayProcess.freePort();
        jolokiaPort = GatewayProcess.freePort();
        gateway = new GatewayProcess(dataDir,
                "  jmx: { port: " + jmxPort + ", user: ops, password: \"${OPS_PW}\" }\n"
                        + "  jolokia: { port: " + jolokiaPort + ", user: ops, password: \"${OPS_PW}\" }\n",
                "partners:\n"
                        // two quick attempts, and no circuit breaker that could hold back the redelivery
                        + GatewayProcess.partner("p1", stub, "retry: { attempts: 2, delay: 300ms, multiplier: 1,"
                                + " max-delay: 300ms, circuit-failures: 0 }")
                        + "routing:\n"
                        + "  - { family: invoice, buyer-country: VN, to: [p1] }\n",
                Map.of("OPS_PW", PASSWORD));
        gateway.start();
        gateway.awaitRuleSetsWarm(Duration.ofSeconds(90));
        connector = JMXConnectorFactory.connect(jmxUrl(), Map.of(JMXConnector.CREDENTIALS,
                new String[] {"ops", PASSWORD}));
        jmx = connector.getMBeanServerConnection();
    }

    @AfterAll
    void stopEverything() throws Exception {
        CloseAll.of(connector, gateway, stub);
    }

    @Test
    void aSubmissionMovesCamelsRouteStatisticsAndTheIntakeCounters() {
        long completed = number(INTAKE_ROUTE, "ExchangesCompleted");
        long received = number(INTAKE, "Received");
        long accepted = number(INTAKE, "Accepted");

        String id = submitFresh("counters");

        Await.until(SETTLE, "the intake route's ExchangesCompleted to grow by one",
                () -> number(INTAKE_ROUTE, "ExchangesCompleted") == completed + 1,
                () -> "ExchangesCompleted " + number(INTAKE_ROUTE, "ExchangesCompleted") + ", was " + completed);
        assertEquals(received + 1, number(INTAKE, "Received"));
        assertEquals(accepted + 1, number(INTAKE, "Accepted"));
        Await.until(SETTLE, "the invoice to reach p1", () -> !stub.acceptedFor(id).isEmpty(), stub::describe);
    }

    @Test
    void aPausedPartnerGetsNothingUntilItIsResumed() {
        stub.switchTo(StubPartner.Mode.ACCEPT);
        invoke(P1, "pause");
        String id;
        try {
            assertEquals(Boolean.TRUE, attribute(P1, "Paused"));
            id = submitFresh("paused");

            Await.pause(4000); // long enough for several delivery attempts, had the route not been suspended
            assertTrue(stub.requestsFor(id).isEmpty(), "a paused partner must receive nothing\n" + stub.describe());
            assertTrue(number(P1, "Pending") >= 1, "Pending: " + attribute(P1, "Pending"));
            JsonNode waiting = gateway.document(id);
            assertNotEquals("DELIVERED", waiting.path("status").asText(), waiting::toString);
        } finally {
            invoke(P1, "resume");
        }
        assertEquals(Boolean.FALSE, attribute(P1, "Paused"));
        Await.until(SETTLE, "the held invoice to reach p1 after resume()", () -> !stub.acceptedFor(id).isEmpty(),
                () -> stub.describe() + "\n" + gateway.logTail());
        gateway.awaitDocument(id, "status DELIVERED", d -> "DELIVERED".equals(d.path("status").asText()), SETTLE);
        assertEquals(1, stub.acceptedFor(id).size(), stub::describe);
    }

    @Test
    void aDeadLetteredDeliveryIsDeliveredAfterRedeliverDeadLetters() {
        stub.switchTo(StubPartner.Mode.REFUSE);
        String id;
        try {
            id = submitFresh("dead");
            JsonNode dead = gateway.awaitDocument(id, "delivery DEAD_LETTERED",
                    d -> "DEAD_LETTERED".equals(d.path("deliveries").path(0).path("status").asText()), SETTLE);
            assertEquals(2, dead.path("deliveries").path(0).path("attempts").asInt(), dead::toString);
            assertEquals(2, stub.requestsFor(id).size(), "retry.attempts is 2\n" + stub.describe());
            Await.until(SETTLE, "DeadLettered >= 1", () -> number(P1, "DeadLettered") >= 1,
                    () -> "DeadLettered " + attribute(P1, "DeadLettered"));
        } finally {
            stub.switchTo(StubPartner.Mode.ACCEPT);
        }

        Object moved = invoke(P1, "redeliverDeadLetters");

        assertTrue(((Number) moved).intValue() >= 1, "redeliverDeadLetters() returned " + moved);
        Await.until(SETTLE, "the redelivered invoice to reach p1", () -> !stub.acceptedFor(id).isEmpty(),
                () -> stub.describe() + "\n" + gateway.logTail());
        JsonNode done = gateway.awaitDocument(id, "status DELIVERED",
                d -> "DELIVERED".equals(d.path("status").asText()), SETTLE);
        assertEquals("DELIVERED", done.path("deliveries").path(0).path("status").asText(), done::toString);
        Await.until(SETTLE, "DeadLettered back to 0", () -> number(P1, "DeadLettered") == 0,
                () -> "DeadLettered " + attribute(P1, "DeadLettered"));
        assertEquals(1, stub.acceptedFor(id).size(), stub::describe);
    }

    @Test
    void remoteJmxRefusesAWrongPasswordAndMissingCredentials() {
        assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(jmxUrl(),
                Map.of(JMXConnector.CREDENTIALS, new String[] {"ops", PASSWORD + "x"})).close());
        assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(jmxUrl(), Map.of()).close());
    }

    @Test
    void jolokiaServesTheSilkgateMBeansOnlyBehindCredentials() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.URI intake = java.net.URI.create("http://127.0.0.1:" + jolokiaPort
                + "/jolokia/read/io.silkgate:type=Intake");
        var anonymous = client.send(java.net.http.HttpRequest.newBuilder(intake).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        String basic = java.util.Base64.getEncoder().encodeToString(("ops:" + PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var read = client.send(java.net.http.HttpRequest.newBuilder(intake).header("Authorization", "Basic " + basic)
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode());
        assertTrue(read.body().contains("\"Received\"") && read.body().contains("\"status\":200"), read.body());
    }

    @Test
    void metricsAndHealthAnswerForMonitoring() {
        HttpAnswer metrics = gateway.get("/metrics");
        assertEquals(200, metrics.status(), metrics::toString);
        assertEquals("text/plain", metrics.mediaType(), metrics::toString);
        assertTrue(metrics.text().contains("silkgate_documents_received_total"), metrics::toString);
        assertTrue(metrics.text().contains("camel_exchanges_total"), metrics::toString);

        HttpAnswer live = gateway.get("/api/v1/health/live");
        assertEquals(200, live.status(), live::toString);

        HttpAnswer health = gateway.get("/api/v1/health");
        assertEquals(200, health.status(), health::toString);
        assertEquals("UP", health.json().path("status").asText(), health::toString);
        assertEquals("WARM", health.json().path("ruleSets").asText(), health::toString);
    }

    @Test
    void partnersCommandListsThePartnersOverTheSameJmxPort() {
        JarCommand.Result list = partnersCommand(PASSWORD, "list");

        assertEquals(0, list.exitCode(), list::toString);
        assertTrue(list.stdout().lines().anyMatch(l -> l.startsWith("p1 ")), list::toString);

        JarCommand.Result refused = partnersCommand("not-" + PASSWORD, "list");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertFalse(refused.stdout().contains("p1 "), refused::toString);
    }

    @Test
    void partnersCommandPausesRedeliversAndResumesAPartner() {
        stub.switchTo(StubPartner.Mode.REFUSE);
        String id;
        try {
            id = submitFresh("cli-dead");
            gateway.awaitDocument(id, "delivery DEAD_LETTERED",
                    d -> "DEAD_LETTERED".equals(d.path("deliveries").path(0).path("status").asText()), SETTLE);
        } finally {
            stub.switchTo(StubPartner.Mode.ACCEPT);
        }
        JarCommand.Result pause = partnersCommand(PASSWORD, "pause", "p1");
        try {
            assertEquals(0, pause.exitCode(), pause::toString);
            assertEquals(Boolean.TRUE, attribute(P1, "Paused"));
            JarCommand.Result list = partnersCommand(PASSWORD, "list");
            assertTrue(list.stdout().lines().anyMatch(l -> l.startsWith("p1 ") && l.contains(" true ")),
                    "the list should show p1 paused\n" + list);

            JarCommand.Result redeliver = partnersCommand(PASSWORD, "redeliver", "p1");

            assertEquals(0, redeliver.exitCode(), redeliver::toString);
            java.util.regex.Matcher moved = java.util.regex.Pattern.compile("p1: redeliver \\S+ (\\d+) deliveries")
                    .matcher(redeliver.stdout());
            assertTrue(moved.find() && Integer.parseInt(moved.group(1)) >= 1, redeliver::toString);
            // queued again, but held while p1 is paused
            JsonNode held = gateway.awaitDocument(id, "delivery QUEUED again",
                    d -> "QUEUED".equals(d.path("deliveries").path(0).path("status").asText()), SETTLE);
            assertTrue(stub.acceptedFor(id).isEmpty(), "a paused partner must receive nothing\n" + held);
        } finally {
            JarCommand.Result resume = partnersCommand(PASSWORD, "resume", "p1");
            assertEquals(0, resume.exitCode(), resume::toString);
        }
        assertEquals(Boolean.FALSE, attribute(P1, "Paused"));
        gateway.awaitDocument(id, "status DELIVERED after resume", d -> "DELIVERED".equals(d.path("status").asText()),
                SETTLE);
        assertEquals(1, stub.acceptedFor(id).size(), stub::describe);

        JarCommand.Result unknown = partnersCommand(PASSWORD, "pause", "no-such-partner");
        assertEquals(2, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.stderr().contains("no partner 'no-such-partner'"), unknown::toString);
    }

    private String submitFresh(String tag) {
        HttpAnswer answer = gateway.submit(Samples.freshSignedInvoice(tag), "application/xml");
        assertEquals(202, answer.status(), answer::toString);
        return answer.json().path("id").asText();
    }

    private JMXServiceURL jmxUrl() {
        try {
            return new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object attribute(String mbean, String name) {
        try {
            return jmx.getAttribute(new ObjectName(mbean), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JMException e) {
            throw new IllegalStateException(mbean + " " + name + ": " + e, e);
        }
    }

    private long number(String mbean, String name) {
        return ((Number) attribute(mbean, name)).longValue();
    }

    private Object invoke(String mbean, String operation) {
        try {
            return jmx.invoke(new ObjectName(mbean), operation, new Object[0], new String[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JMException e) {
            throw new IllegalStateException(mbean + " " + operation + "(): " + e, e);
        }
    }

    /** {@code silkgate partners} with the password in SILKGATE_JMX_PASSWORD, as the README tells operators. */
    private JarCommand.Result partnersCommand(String password, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-jar",
                GatewayProcess.jar().toString(), "partners", "--jmx", "127.0.0.1:" + jmxPort, "--user", "ops"));
        command.addAll(List.of(args));
        Path out = dataDir.resolve("partners-out-" + System.nanoTime() + ".txt");
        Path err = dataDir.resolve("partners-err-" + System.nanoTime() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dataDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("SILKGATE_JMX_PASSWORD", password);
        Process process = null;
        try {
            process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("silkgate partners did not finish within 60 s");
            }
            return new JarCommand.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
