package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out (issue 10) against the packaged jar: two gateway nodes on one PostgreSQL ledger and one shared-store
 * Artemis primary/backup pair. The same PINT envelope at both nodes at once, two diverging chains, the pair's
 * state in health and JMX, a gateway node killed and restarted, and the primary broker killed under load. Runs
 * only when {@code SILKGATE_TEST_POSTGRES_URL} names a PostgreSQL server (CI sets it); skipped visibly otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(600)
class ClusterIT {

    private static final String PARTNER = "vn-customs";
    private static final Duration DELIVERED = Duration.ofSeconds(120);
    /** Consumers per partner on one node: at most these deliveries can be cut off by killing that node. */
    private static final int CONSUMERS_PER_NODE = 2;

    @TempDir
    static Path root;

    private final PintEnvelopes pint = new PintEnvelopes();
    private final StubPartner partner = new StubPartner(StubPartner.Mode.ACCEPT);
    private PostgresSchema schema;
    private ClusterTopology cluster;
    private int jmxPort;

    @BeforeAll
    void start() throws IOException {
        PostgresSchema.assumeConfigured("ClusterIT (two gateway nodes, a broker pair, PostgreSQL)");
        schema = PostgresSchema.create();
        jmxPort = GatewayProcess.freePort();
        String partners = "partners:\n"
                + GatewayProcess.partner(PARTNER, partner, "retry: { attempts: 100, delay: 300ms, multiplier: 2,"
                        + " max-delay: 2s, circuit-failures: 0 }")
                + "routing:\n  - { family: invoice, buyer-country: VN, to: [" + PARTNER + "] }\n";
        cluster = new ClusterTopology(root, schema, 2, partners, i -> new String[] {
                i == 0 ? "  jmx: { port: " + jmxPort + " }\n" : "", PintEnvelopes.PINT_YAML});
        cluster.nodes().forEach(n -> pint.writeTrust(n.dataDir()));
        cluster.start();
        cluster.nodes().forEach(n -> n.awaitRuleSetsWarm(Duration.ofSeconds(120)));
        // the first document a node takes pays for its cold paths; on a busy machine that can outlast a call
        for (int i = 0; i < 2; i++) {
            acceptedId(cluster.node(i), Samples.freshSignedInvoice("warm-up"), "warm-up-" + i);
        }
    }

    @AfterAll
    void stop() throws Exception {
        CloseAll.of(cluster, partner, schema);
    }

    @Test
    @Order(1)
    void theSameEnvelopeAtBothNodesAtOnceIsOneReceAndOneDupe() throws Exception {
        var td = PintEnvelopes.transportDocument("SGCLU0000001");
        byte[] envelope = pint.transferToBank(td, pint.issueEntry(td), "2026-03-03T10:00:00.000Z");

        List<HttpAnswer> answers = atOnce(
                () -> cluster.node(0).post("/pint/v3/envelopes", envelope, "application/json"),
                () -> cluster.node(1).post("/pint/v3/envelopes", envelope, "application/json"));

        List<String> codes = answers.stream().map(a -> PintEnvelopes.responseCode(a.text())).sorted().toList();
        assertEquals(List.of("DUPE", "RECE"), codes, answers::toString);
        answers.forEach(a -> assertEquals(200, a.status(), a::toString));
        assertEquals(1, schema.count("SELECT count(*) FROM pint_transfer WHERE td_reference = ?", "SGCLU0000001"));
    }

    @Test
    @Order(2)
    void twoDivergingChainsAtTheTwoNodesAtOnceAreOneAcceptedAndOneDisputed() throws Exception {
        var td = PintEnvelopes.transportDocument("SGCLU0000002");
        String issue = pint.issueEntry(td);
        byte[] toA = pint.transferToBank(td, issue, "2026-03-03T10:00:00.000Z");
        byte[] toB = pint.transferToBank(td, issue, "2026-03-03T10:00:05.000Z");

        List<HttpAnswer> answers = atOnce(
                () -> cluster.node(0).post("/pint/v3/envelopes", toA, "application/json"),
                () -> cluster.node(1).post("/pint/v3/envelopes", toB, "application/json"));

        List<String> codes = answers.stream().map(a -> PintEnvelopes.responseCode(a.text())).sorted().toList();
        assertEquals(List.of("DISE", "RECE"), codes, answers::toString);
        assertEquals(Set.of(200, 409), answers.stream().map(HttpAnswer::status).collect(Collectors.toSet()));
        assertEquals(1, schema.count("SELECT count(*) FROM pint_transfer WHERE td_reference = ?", "SGCLU0000002"));
        assertEquals(2, schema.count("SELECT count(*) FROM pint_chain_entry e JOIN pint_transfer t"
                + " ON t.td_checksum = e.td_checksum WHERE t.td_reference = ?", "SGCLU0000002"),
                "the chain history holds one chain only");
    }

    @Test
    @Order(3)
    void theSameInvoiceAtBothNodesAtOnceIsAcceptedAndDeliveredOnce() throws Exception {
        byte[] invoice = Samples.freshSignedInvoice("both-nodes");
        List<HttpAnswer> answers = atOnce(
                () -> acceptedAnswer(cluster.node(0), invoice, "both-nodes-1"),
                () -> acceptedAnswer(cluster.node(1), invoice, "both-nodes-1"));

        // one 202 at most: the other (or a client's retry after a time-out) is the duplicate answer
        assertEquals(1, answers.stream().filter(a -> a.status() == 202).count(), answers::toString);
        String id = answers.get(0).json().path("id").asText();
        assertEquals(id, answers.get(1).json().path("id").asText(), "the repeat names the first document");
        awaitDelivered(Set.of(id), cluster.node(1));
        assertNothingNewTwice(Set.of(id), 0);
        assertEquals(1, schema.count("SELECT count(*) FROM ledger_delivery d JOIN ledger_document x"
                + " ON x.id = d.document_id WHERE x.idempotency_key = ?", "both-nodes-1"));
    }

    @Test
    @Order(4)
    void eachNodeShowsItsIdAndTheBrokerPairInHealthAndJmx() throws Exception {
        for (int i = 0; i < 2; i++) {
            JsonNode health = cluster.node(i).get("/api/v1/health").json();
            assertEquals("UP", health.path("status").asText(), health::toString);
            assertEquals("node-" + (char) ('a' + i), health.path("node").asText());
            assertEquals("silkgate-primary", health.path("brokerCluster").path("active").asText(), health::toString);
            assertEquals("primary", health.path("brokerCluster").path("role").asText(), health::toString);
            assertTrue(health.path("brokerCluster").path("backupAnnounced").asBoolean(), health::toString);
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"), Map.of())) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();
            ObjectName node = new ObjectName("io.silkgate:type=Node");
            assertEquals("node-a", jmx.getAttribute(node, "NodeId"));
            assertEquals("silkgate-primary", jmx.getAttribute(node, "ActiveBroker"));
            assertEquals(Boolean.TRUE, jmx.getAttribute(node, "BackupAnnounced"));
            assertEquals("postgresql", jmx.getAttribute(node, "Database"));
            assertEquals(cluster.primary().url() + "," + cluster.backup().url(), jmx.getAttribute(node, "Broker"));
        }
    }

    @Test
    @Order(5)
    void aKilledNodeLeavesTheOtherCarryingOnAndItsRestartDeliversNothingTwice() {
        GatewayProcess a = cluster.node(0);
        GatewayProcess b = cluster.node(1);
        // slow answers keep deliveries in flight when the node is killed
        partner.answerAfter(Duration.ofMillis(1500));
        try {
            Set<String> accepted = new TreeSet<>(submit(a, "node-kill-a", 20));
            a.kill();
            // the partner goes down: the other node accepts on, and its deliveries wait in the broker for retries
            partner.switchTo(StubPartner.Mode.STOPPED);
            accepted.addAll(submit(b, "node-kill-b", 20));
            a.start();
            String restart = a.logText().substring(a.logText().lastIndexOf("==== start"));
            assertTrue(restart.contains("recovery: "), "the restarted node re-sent the unfinished deliveries, the"
                    + " other node's pending ones included\n" + a.logTail());
            partner.answerAfter(Duration.ZERO);
            partner.switchTo(StubPartner.Mode.ACCEPT);
            awaitDelivered(accepted, b);
            assertNothingNewTwice(accepted, CONSUMERS_PER_NODE);
        } finally {
            partner.answerAfter(Duration.ZERO);
            partner.switchTo(StubPartner.Mode.ACCEPT);
        }
    }

    @Test
    @Order(6)
    void theKilledPrimaryBrokerFailsOverToTheBackupUnderLoadAndNoAcceptedDocumentIsLost() throws Exception {
        int before = partner.requests().size();
        ExecutorService load = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch halfway = new CountDownLatch(2);
            List<Future<List<String>>> submitters = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                GatewayProcess node = cluster.node(i);
                String tag = "failover-" + i;
                submitters.add(load.submit(() -> steadily(node, tag, 20, halfway)));
            }
            halfway.await();
            cluster.primary().kill();
            cluster.backup().awaitActive(Duration.ofSeconds(60));
            Set<String> accepted = new TreeSet<>();
            for (Future<List<String>> f : submitters) {
                accepted.addAll(f.get());
            }
            assertEquals(40, accepted.size(), "every submission was accepted in the end");
            awaitDelivered(accepted, cluster.node(0));
            Set<String> delivered = partner.requests().subList(before, partner.requests().size()).stream()
                    .filter(StubPartner.Request::accepted).map(StubPartner.Request::documentId)
                    .collect(Collectors.toSet());
            assertTrue(delivered.containsAll(accepted), "every accepted document reached the partner\n"
                    + partner.describe());
            assertNothingNewTwice(accepted, 2 * CONSUMERS_PER_NODE);
            for (GatewayProcess node : cluster.nodes()) {
                JsonNode[] health = new JsonNode[1];
                Await.until(Duration.ofSeconds(30), "health to show the backup as the active broker", () -> {
                    health[0] = node.get("/api/v1/health").json();
                    return "silkgate-backup".equals(health[0].path("brokerCluster").path("active").asText());
                }, () -> String.valueOf(health[0]));
                assertEquals("backup", health[0].path("brokerCluster").path("role").asText(), health[0]::toString);
                assertEquals("UP", health[0].path("status").asText(), health[0]::toString);
            }
        } finally {
            load.shutdownNow();
        }
    }

    /** Submits fresh signed invoices one after another; returns the accepted document ids. */
    private static List<String> submit(GatewayProcess node, String tag, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(acceptedId(node, Samples.freshSignedInvoice(tag), tag + "-" + i));
        }
        return ids;
    }

    /** About four invoices a second; counts down {@code halfway} after half of them. */
    private static List<String> steadily(GatewayProcess node, String tag, int count, CountDownLatch halfway) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i == count / 2) {
                halfway.countDown();
            }
            ids.add(acceptedId(node, Samples.freshSignedInvoice(tag), tag + "-" + i));
            Await.pause(250);
        }
        return ids;
    }

    /**
     * Submits like a careful client: on a failed call (a broker fail-over in progress) it tries again with the same
     * idempotency key until the gateway answers 202 (new) or 200 (the first try got through); returns the id.
     */
    private static String acceptedId(GatewayProcess node, byte[] invoice, String key) {
        return acceptedAnswer(node, invoice, key).json().path("id").asText();
    }

    /** As {@link #acceptedId}, returning the accepting answer. */
    private static HttpAnswer acceptedAnswer(GatewayProcess node, byte[] invoice, String key) {
        String last = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                HttpAnswer answer = node.submit(invoice, "application/xml", "Silkgate-Document-Id", key);
                if (answer.status() == 202 || answer.status() == 200) {
                    return answer;
                }
                last = answer.toString();
            } catch (UncheckedIOException e) {
                last = e.getCause().toString();
            }
            Await.pause(1000);
        }
        throw new AssertionError("submission " + key + " was never accepted; last answer: " + last + "\n"
                + node.logTail());
    }

    private void awaitDelivered(Set<String> ids, GatewayProcess via) {
        Await.until(DELIVERED, ids.size() + " documents delivered", () -> ids.stream().allMatch(id ->
                "DELIVERED".equals(via.document(id).path("status").asText())), () -> partner.describe() + "\n"
                + cluster.logTails());
    }

    /**
     * Every accepted document reached the partner under its own Silkgate-Document-Id and no other id arrived; a
     * document may arrive twice only if its delivery was cut off by a kill (at most {@code cutOff} of them).
     */
    private void assertNothingNewTwice(Set<String> accepted, int cutOff) {
        Await.pause(1500); // a second copy would arrive right behind the first
        List<StubPartner.Request> mine = partner.requests().stream().filter(StubPartner.Request::accepted)
                .filter(r -> accepted.contains(r.documentId())).toList();
        Set<String> distinct = mine.stream().map(StubPartner.Request::documentId).collect(Collectors.toSet());
        assertEquals(accepted, distinct, partner::describe);
        assertTrue(mine.size() - distinct.size() <= cutOff, (mine.size() - distinct.size())
                + " documents arrived twice, more than the " + cutOff + " a kill can cut off\n" + partner.describe());
        assertEquals(accepted.size(), schema.count("SELECT count(*) FROM ledger_delivery WHERE status = 'DELIVERED'"
                + " AND document_id IN (" + accepted.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","))
                + ")"), "one delivered ledger row per document");
    }

    @SafeVarargs
    private static <T> List<T> atOnce(Callable<T>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> c : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return c.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
