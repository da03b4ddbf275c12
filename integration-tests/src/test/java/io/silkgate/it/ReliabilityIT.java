package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery when things go wrong in production, against the packaged jar: a kill -9 with many accepted documents
 * still in flight, a partner whose port stays closed for a while, a partner that answers 500 until it is fixed
 * next to one that works. Each runs on the suite's ledger (PostgreSQL when {@code SILKGATE_TEST_POSTGRES_URL} is
 * set, see {@link GatewayProcess}); the kill is then repeated on the embedded H2 ledger, the default.
 *
 * <p>System properties: {@code silkgate.it.inflight} (documents in flight at the kill, default 2000) and
 * {@code silkgate.it.outage.seconds} (how long the partner's port stays closed, default 180: "several minutes").
 */
class ReliabilityIT {

    private static final int IN_FLIGHT = Integer.getInteger("silkgate.it.inflight", 2000);
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("silkgate.it.outage.seconds", 180));
    private static final String ROUTING = "routing:\n  - { family: invoice, buyer-country: VN, to: [vn-customs] }\n";
    private static final int SUBMITTERS = 4;
    private static final Duration WARM = Duration.ofSeconds(120);
    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** A partner's answer to a delivery still in progress at the kill may be lost, so that delivery is repeated. */
    private static final int MAX_REPEATS_AFTER_KILL = 10;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void killDashNineWithManyDocumentsInFlightLosesNoneAndRepeatsOnlyUnderTheSameId(@TempDir Path dataDir) {
        deliverEveryDocumentAcrossAKill(dataDir, false, IN_FLIGHT);
    }

    /** The embedded H2 ledger is the default: the kill must be survived on it too, not only on PostgreSQL. */
    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void killDashNineOnTheEmbeddedLedgerToo(@TempDir Path dataDir) {
        Assumptions.assumeTrue(PostgresSchema.configured(), () -> skipped("the suite already runs on the embedded"
                + " ledger, so its kill -9 case is not repeated"));
        deliverEveryDocumentAcrossAKill(dataDir, true, IN_FLIGHT);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void aPartnerDownForAWhileGetsEverythingOnceSoonAfterItComesBack(@TempDir Path dataDir) {
        int count = 20;
        // with max-delay 5s and circuit-open 5s the gateway looks again at least every 5 s; the attempts outlast the
        // outage even if every look used one
        long attempts = OUTAGE.toSeconds() + 20;
        Duration bound = Duration.ofSeconds(5 + 5 + 20);
        try (StubPartner partner = new StubPartner(StubPartner.Mode.STOPPED);
             GatewayProcess gateway = new GatewayProcess(dataDir, "", "partners:\n"
                     + GatewayProcess.partner("vn-customs", partner, "retry: { attempts: " + attempts
                             + ", delay: 1s, multiplier: 2, max-delay: 5s, circuit-failures: 5, circuit-open: 5s }")
                     + ROUTING, Map.of())) {
            gateway.start();
            gateway.awaitRuleSetsWarm(WARM);
            long down = System.nanoTime();
            Map<String, String> sha256ById = submitAll(gateway, signedInvoices("outage", count));

            Await.pause(Math.max(0, OUTAGE.toMillis() - elapsed(down).toMillis()));
            int tried = 0;
            for (String id : sha256ById.keySet()) {
                JsonNode delivery = onlyDelivery(gateway.document(id));
                assertTrue(Set.of("QUEUED", "DELIVERING", "RETRYING").contains(delivery.path("status").asText()),
                        "after " + OUTAGE.toSeconds() + " s of outage the delivery must still be pending: "
                                + gateway.document(id));
                tried += delivery.path("attempts").asInt() > 0 ? 1 : 0;
            }
            assertTrue(tried > 0, "the ledger should show failed attempts against the closed port");
            assertTrue(partner.requests().isEmpty(), partner::describe);

            partner.switchTo(StubPartner.Mode.ACCEPT);
            long up = System.nanoTime();
            Await.until(bound, "every queued document to reach the partner after it came back",
                    () -> acceptedIds(partner).containsAll(sha256ById.keySet()),
                    () -> summary(partner, sha256ById.keySet()) + "\n" + gateway.logTail());
            Duration arrival = elapsed(up);
            awaitAllDelivered(gateway, sha256ById.keySet(), SETTLE);
            Await.pause(1500); // a second copy would arrive right behind the first
            report("outage of %d s: %d documents arrived within %d ms of the partner coming back", OUTAGE.toSeconds(),
                    count, arrival.toMillis());

            assertEquals(count, partner.requests().size(), "each document exactly once\n" + partner.describe());
            for (StubPartner.Request r : partner.requests()) {
                assertEquals(sha256ById.get(r.documentId()), Samples.sha256Hex(r.body()), partner::describe);
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aPartnerAnswering500IsDeadLetteredAloneAndRedeliveredAfterTheFix(@TempDir Path dataDir) throws IOException {
        int count = 6;
        int jmxPort = GatewayProcess.freePort();
        String password = "ops-" + UUID.randomUUID();
        try (StubPartner broken = new StubPartner(StubPartner.Mode.FAIL);
             StubPartner healthy = new StubPartner(StubPartner.Mode.ACCEPT);
             GatewayProcess gateway = new GatewayProcess(dataDir,
                     "  jmx: { port: " + jmxPort + ", user: ops, password: \"${OPS_PW}\" }\n",
                     "partners:\n"
                             + GatewayProcess.partner("vn-broken", broken, "retry: { attempts: 3, delay: 300ms,"
                                     + " multiplier: 1, max-delay: 300ms, circuit-failures: 4, circuit-open: 2s }")
                             + GatewayProcess.partner("vn-healthy", healthy, "")
                             + ROUTING.replace("vn-customs", "vn-healthy"),
                     Map.of("OPS_PW", password))) {
            gateway.start();
            gateway.awaitRuleSetsWarm(WARM);
            Map<String, String> toBroken = submitAll(gateway, signedInvoices("broken", count),
                    "Silkgate-Destination", "vn-broken");
            Await.until(SETTLE, "the broken partner to fail a few deliveries", () -> broken.requests().size() >= 3,
                    () -> broken.describe() + "\n" + gateway.logTail());
            try (JMXConnector connector = connectJmx(jmxPort, password)) {
                // an operator sees the broken partner's circuit open, and the healthy one's closed
                MBeanServerConnection jmx = connector.getMBeanServerConnection();
                String brokenMBean = "io.silkgate:type=Partner,name=vn-broken";
                Await.until(SETTLE, "CircuitOpen of vn-broken after 4 failed attempts in a row",
                        () -> Boolean.TRUE.equals(attribute(jmx, brokenMBean, "CircuitOpen")),
                        () -> broken.describe() + "\n" + gateway.logTail());
                assertEquals(Boolean.FALSE, attribute(jmx, "io.silkgate:type=Partner,name=vn-healthy", "CircuitOpen"));
            }

            // while the broken partner's documents fail and its circuit opens, the other partner is served as usual
            long sent = System.nanoTime();
            Map<String, String> toHealthy = submitAll(gateway, signedInvoices("healthy", count),
                    "Silkgate-Destination", "vn-healthy");
            Await.until(Duration.ofSeconds(15), "the healthy partner's documents to arrive while the other fails",
                    () -> acceptedIds(healthy).containsAll(toHealthy.keySet()),
                    () -> healthy.describe() + "\n" + gateway.logTail());
            report("healthy partner served in %d ms while the broken one failed", elapsed(sent).toMillis());
            awaitAllDelivered(gateway, toHealthy.keySet(), SETTLE);

            for (String id : toBroken.keySet()) {
                JsonNode dead = gateway.awaitDocument(id, "delivery DEAD_LETTERED",
                        d -> "DEAD_LETTERED".equals(d.path("deliveries").path(0).path("status").asText()),
                        Duration.ofSeconds(90));
                JsonNode delivery = onlyDelivery(dead);
                assertEquals("vn-broken", delivery.path("partner").asText(), dead::toString);
                assertEquals(3, delivery.path("attempts").asInt(), dead::toString);
                assertTrue(delivery.path("lastError").asText().contains("500"),
                        "the operator should see the partner's 500: " + dead);
                // one answer of GET /api/v1/documents/{id} must agree with itself: a partner's dead letter
                // makes the document FAILED in the same ledger transaction
                assertEquals("FAILED", dead.path("status").asText(),
                        () -> "document status disagrees with its only delivery (DEAD_LETTERED): " + dead);
                List<StubPartner.Request> tries = broken.requestsFor(id);
                assertEquals(3, tries.size(), "retry.attempts is 3\n" + broken.describe());
                assertTrue(tries.stream().allMatch(r -> r.answered() == 500), broken::describe);
            }
            assertTrue(broken.requests().stream().allMatch(r -> toBroken.containsKey(r.documentId())),
                    broken::describe);
            assertTrue(healthy.requests().stream().allMatch(r -> toHealthy.containsKey(r.documentId())),
                    healthy::describe);
            assertEquals(count, healthy.requests().size(), "each document exactly once\n" + healthy.describe());

            broken.switchTo(StubPartner.Mode.ACCEPT);
            try (JMXConnector connector = connectJmx(jmxPort, password)) {
                MBeanServerConnection jmx = connector.getMBeanServerConnection();
                String mbean = "io.silkgate:type=Partner,name=vn-broken";
                assertEquals(count, ((Number) attribute(jmx, mbean, "DeadLettered")).intValue());

                Object moved = invoke(jmx, mbean, "redeliverDeadLetters");

                assertEquals(count, ((Number) moved).intValue(), "redeliverDeadLetters() returned " + moved);
                Await.until(SETTLE, "the redelivered documents to reach the fixed partner",
                        () -> acceptedIds(broken).containsAll(toBroken.keySet()),
                        () -> broken.describe() + "\n" + gateway.logTail());
                awaitAllDelivered(gateway, toBroken.keySet(), SETTLE);
                Await.until(SETTLE, "DeadLettered back to 0",
                        () -> ((Number) attribute(jmx, mbean, "DeadLettered")).intValue() == 0,
                        () -> "DeadLettered " + attribute(jmx, mbean, "DeadLettered"));
            }
            Await.pause(1000);
            for (String id : toBroken.keySet()) {
                assertEquals(1, broken.acceptedFor(id).size(), broken::describe);
            }
            assertEquals(count, healthy.requests().size(), "the redelivery must not touch the other partner\n"
                    + healthy.describe());
        }
    }

    /**
     * Submits {@code count} invoices while the partner refuses, lets it start acknowledging slowly, kills the
     * gateway after the first few deliveries, restarts it with the partner accepting, and checks that every document
     * arrived, that a repeat is always the same document under the same Silkgate-Document-Id, and that the
     * ledger shows every one DELIVERED.
     */
    private static void deliverEveryDocumentAcrossAKill(Path dataDir, boolean embeddedLedger, int count) {
        assertTrue(count >= 20, "at least 20 documents in flight are needed, not " + count);
        long signing = System.nanoTime();
        // signing thousands takes a while: it runs while the gateway starts and compiles its rule sets
        CompletableFuture<List<byte[]>> signed = CompletableFuture.supplyAsync(() -> signedInvoices("inflight", count));
        try (StubPartner partner = new StubPartner(StubPartner.Mode.REFUSE);
             GatewayProcess gateway = new GatewayProcess(dataDir, "", "partners:\n"
                     // never dead-lettered however long the partner refuses; the circuit keeps the refusals few
                     + GatewayProcess.partner("vn-customs", partner, "retry: { attempts: 1000, delay: 1s,"
                             + " multiplier: 1, max-delay: 1s, circuit-failures: 5, circuit-open: 2s }")
                     + ROUTING, Map.of())) {
            if (embeddedLedger) {
                gateway.onEmbeddedLedger();
            }
            gateway.start();
            gateway.awaitRuleSetsWarm(WARM);
            List<byte[]> invoices = signed.join();
            report("signed %d invoices, and started the gateway, in %d ms", count, elapsed(signing).toMillis());
            long submitting = System.nanoTime();
            Map<String, String> sha256ById = submitAll(gateway, invoices);
            report("%d documents accepted in %d ms", count, elapsed(submitting).toMillis());

            // the partner starts acknowledging, slowly, so that the kill comes in the middle of deliveries
            partner.answerAfter(Duration.ofMillis(50));
            partner.switchTo(StubPartner.Mode.ACCEPT);
            int beforeKill = Math.max(5, Math.min(50, count / 10));
            Await.until(SETTLE, beforeKill + " deliveries before the kill",
                    () -> acceptedIds(partner).size() >= beforeKill,
                    () -> summary(partner, sha256ById.keySet()) + "\n" + gateway.logTail());
            gateway.kill();
            int deliveredAtKill = acceptedIds(partner).size();
            assertTrue(deliveredAtKill < count / 2, "most documents must still be undelivered at the kill: "
                    + summary(partner, sha256ById.keySet()));

            partner.answerAfter(Duration.ZERO);
            long restart = System.nanoTime();
            gateway.start();
            Await.until(Duration.ofSeconds(60 + count / 10), "every accepted document to reach the partner",
                    () -> acceptedIds(partner).containsAll(sha256ById.keySet()),
                    () -> summary(partner, sha256ById.keySet()) + "\n" + gateway.logTail());
            report("%d delivered before the kill, the other %d within %d ms of the restart", deliveredAtKill,
                    count - deliveredAtKill, elapsed(restart).toMillis());
            awaitAllDelivered(gateway, sha256ById.keySet(), Duration.ofSeconds(60));
            Await.pause(1500); // a late repeat would come right behind the last delivery

            List<StubPartner.Request> requests = partner.requests();
            for (StubPartner.Request r : requests) {
                String id = r.documentId();
                assertTrue(sha256ById.containsKey(id), "the partner received Silkgate-Document-Id " + id
                        + ", which the gateway never answered 202 for");
                assertEquals(sha256ById.get(id), Samples.sha256Hex(r.body()),
                        "Silkgate-Document-Id " + id + " arrived with another document's bytes");
            }
            long acknowledged = requests.stream().filter(StubPartner.Request::accepted).count();
            report("%d acknowledged deliveries for %d documents (%d repeats)", acknowledged, count,
                    acknowledged - count);
            assertTrue(acknowledged - count <= MAX_REPEATS_AFTER_KILL, "only deliveries in progress at the kill may"
                    + " be repeated: " + summary(partner, sha256ById.keySet()));
            // on PostgreSQL, the ledger's own rows say the same as its API
            gateway.postgresSchema().ifPresent(schema -> assertEquals(count, schema.count(
                    "SELECT count(*) FROM ledger_delivery WHERE status = 'DELIVERED'"), "in " + schema.name()));
        }
    }

    /** The sample invoice under {@code count} distinct invoice numbers, each signed by the Shenzhen exporter. */
    private static List<byte[]> signedInvoices(String tag, int count) {
        return IntStream.range(0, count).parallel()
                .mapToObj(i -> Samples.freshSignedInvoice(tag + "-" + i))
                .toList();
    }

    /**
     * POSTs every invoice from a few parallel clients; each must be answered 202 with an id of its own. Returns
     * the SHA-256 of each document by its id, in submission order.
     */
    private static Map<String, String> submitAll(GatewayProcess gateway, List<byte[]> invoices, String... headers) {
        ExecutorService clients = Executors.newFixedThreadPool(SUBMITTERS);
        try {
            List<Future<HttpAnswer>> answers = new ArrayList<>();
            for (byte[] invoice : invoices) {
                answers.add(clients.submit(() -> gateway.submit(invoice, "application/xml", headers)));
            }
            Map<String, String> sha256ById = new LinkedHashMap<>();
            for (int i = 0; i < invoices.size(); i++) {
                HttpAnswer answer = answers.get(i).get();
                assertEquals(202, answer.status(), answer::toString);
                String sha256 = Samples.sha256Hex(invoices.get(i));
                assertEquals(sha256, answer.json().path("sha256").asText(), answer::toString);
                sha256ById.put(answer.json().path("id").asText(), sha256);
            }
            assertEquals(invoices.size(), sha256ById.size(), "every document must get an id of its own");
            assertEquals(invoices.size(), new HashSet<>(sha256ById.values()).size(), "the invoices must differ");
            return sha256ById;
        } catch (ExecutionException e) {
            throw new AssertionError("a submission failed: " + e.getCause() + "\n" + gateway.logTail(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            clients.shutdownNow();
        }
    }

    /** Waits until the ledger shows each document, and its one delivery, DELIVERED. */
    private static void awaitAllDelivered(GatewayProcess gateway, Set<String> ids, Duration timeout) {
        Set<String> pending = new LinkedHashSet<>(ids);
        Map<String, JsonNode> last = new LinkedHashMap<>();
        Await.until(timeout, "the ledger to show all " + ids.size() + " documents DELIVERED", () -> {
            pending.removeIf(id -> {
                JsonNode document = gateway.document(id);
                last.put(id, document);
                return "DELIVERED".equals(document.path("status").asText())
                        && "DELIVERED".equals(onlyDelivery(document).path("status").asText());
            });
            return pending.isEmpty();
        }, () -> pending.size() + " not DELIVERED, e.g. " + last.get(pending.iterator().next()) + "\n"
                + gateway.logTail());
    }

    private static JsonNode onlyDelivery(JsonNode document) {
        assertEquals(1, document.path("deliveries").size(), document::toString);
        return document.path("deliveries").get(0);
    }

    /** The document ids the partner has acknowledged at least once. */
    private static Set<String> acceptedIds(StubPartner partner) {
        return partner.requests().stream().filter(StubPartner.Request::accepted).map(StubPartner.Request::documentId)
                .collect(Collectors.toSet());
    }

    /** What the partner saw, counted rather than listed: thousands of requests make an unreadable message. */
    private static String summary(StubPartner partner, Set<String> expected) {
        List<StubPartner.Request> requests = partner.requests();
        Map<Integer, Long> byStatus = requests.stream()
                .collect(Collectors.groupingBy(StubPartner.Request::answered, Collectors.counting()));
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(acceptedIds(partner));
        return "stub partner " + partner.url() + " (" + partner.mode() + "): " + requests.size()
                + " requests, by status " + byStatus + "; " + missing.size() + " of " + expected.size()
                + " documents never acknowledged"
                + (missing.isEmpty() ? "" : ", e.g. " + missing.iterator().next());
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static void report(String format, Object... args) {
        System.out.println("ReliabilityIT: " + String.format(format, args));
    }

    private static String skipped(String why) {
        report("SKIPPED: %s", why);
        return why;
    }

    private static JMXConnector connectJmx(int port, String password) throws IOException {
        return JMXConnectorFactory.connect(new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port
                + "/jmxrmi"), Map.of(JMXConnector.CREDENTIALS, new String[] {"ops", password}));
    }

    private static Object attribute(MBeanServerConnection jmx, String mbean, String name) {
        try {
            return jmx.getAttribute(new ObjectName(mbean), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JMException e) {
            throw new IllegalStateException(mbean + " " + name + ": " + e, e);
        }
    }

    private static Object invoke(MBeanServerConnection jmx, String mbean, String operation) {
        try {
            return jmx.invoke(new ObjectName(mbean), operation, new Object[0], new String[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JMException e) {
            throw new IllegalStateException(mbean + " " + operation + "(): " + e, e);
        }
    }
}
