package io.silkgate.gateway.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an external broker (pair) through the Artemis management API, every few seconds, which broker is active,
 * whether it is a backup that took over, and whether a backup has announced itself — for health and JMX. The
 * gateway is not ready while no broker of the list answers.
 */
public final class BrokerMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerMonitor.class);
    private static final long ANSWER_MILLIS = 3000;
    /** Without an answer for this long the broker counts as unreachable. */
    private static final Duration STALE = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the active broker said last.
     *
     * @param activeBroker    its name ({@code silkgate broker --name}), null before the first answer
     * @param haPolicy        the active broker's HA policy (e.g. "Shared Store Backup" once a backup took over)
     * @param backupAnnounced true when a backup is waiting to take over from it
     * @param replicaSync     true when a replicating backup is in sync (always false with a shared store)
     */
    public record State(boolean reachable, String activeBroker, String haPolicy, boolean backupAnnounced,
                        boolean replicaSync, Instant lastAnswer, String lastError) {

        /** primary (a single broker too), backup (the primary failed over to it), or null while unknown. */
        public String activeRole() {
            if (activeBroker == null) {
                return null;
            }
            return haPolicy != null && haPolicy.toLowerCase(java.util.Locale.ROOT).contains("backup")
                    ? "backup" : "primary";
        }
    }

    private final String probeUrl;
    private final Clock clock;
    private volatile State state = new State(false, null, null, false, false, null, "not asked yet");
    private final java.util.concurrent.ScheduledExecutorService probes =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "silkgate-broker-monitor");
                t.setDaemon(true);
                return t;
            });

    /** @param brokerList the configured comma-separated broker URLs */
    public BrokerMonitor(String brokerList, Clock clock) {
        this.probeUrl = probeUrl(brokerList);
        this.clock = clock;
    }

    /** One short-lived connection that fails fast instead of reconnecting: a probe must not hang. */
    static String probeUrl(String brokerList) {
        String[] urls = brokerList.split(",");
        String options = "initialConnectAttempts=1&reconnectAttempts=0&callTimeout=" + ANSWER_MILLIS
                + "&connectionTTL=" + 2 * ANSWER_MILLIS;
        if (urls.length == 1) {
            return urls[0].trim() + "?" + options;
        }
        return "(" + String.join(",", java.util.Arrays.stream(urls).map(String::trim).toList()) + ")?" + options;
    }

    /** Asks once now, then every few seconds in the background: health and JMX read the last answer. */
    public void start() {
        probe();
        probes.scheduleWithFixedDelay(this::probe, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }

    public State state() {
        State s = state;
        boolean fresh = s.lastAnswer() != null && s.lastAnswer().plus(STALE).isAfter(clock.instant());
        if (s.reachable() && !fresh) {
            return new State(false, s.activeBroker(), s.haPolicy(), false, false, s.lastAnswer(),
                    "no answer since " + s.lastAnswer());
        }
        return s;
    }

    /** Asks the broker now; never throws (a failure is the state "unreachable"). */
    public void probe() {
        State before = state;
        try (ServerLocator locator = ActiveMQClient.createServerLocator(probeUrl);
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession()) {
            session.start();
            try (ClientRequestor requestor = new ClientRequestor(session, "activemq.management")) {
                String name = (String) ask(session, requestor,
                        m -> ManagementHelper.putAttribute(m, ResourceNames.BROKER, "name"));
                String haPolicy = (String) ask(session, requestor,
                        m -> ManagementHelper.putAttribute(m, ResourceNames.BROKER, "HAPolicy"));
                boolean replicaSync = (Boolean) ask(session, requestor,
                        m -> ManagementHelper.putAttribute(m, ResourceNames.BROKER, "replicaSync"));
                String topology = (String) ask(session, requestor, m -> putOperation(m, "listNetworkTopology"));
                state = new State(true, name, haPolicy, hasBackup(topology), replicaSync, clock.instant(), null);
            }
        } catch (Exception e) {
            state = new State(false, before.activeBroker(), before.haPolicy(), false, false, before.lastAnswer(),
                    e.toString());
        }
        State after = state;
        if (after.reachable() != before.reachable() || !java.util.Objects.equals(after.activeBroker(),
                before.activeBroker()) || after.backupAnnounced() != before.backupAnnounced()) {
            LOG.info("broker: {}", describe(after));
        }
    }

    /** One line for logs. */
    public static String describe(State s) {
        return s.reachable()
                ? "active " + s.activeBroker() + " (" + s.haPolicy() + ")"
                        + (s.backupAnnounced() ? ", a backup is announced" : ", no backup announced")
                : "UNREACHABLE (" + s.lastError() + ")";
    }

    private static Object ask(ClientSession session, ClientRequestor requestor, Consumer<ClientMessage> question)
            throws Exception {
        ClientMessage m = session.createMessage(false);
        question.accept(m);
        ClientMessage reply = requestor.request(m, ANSWER_MILLIS);
        if (reply == null) {
            throw new IllegalStateException("the broker did not answer a management request within "
                    + ANSWER_MILLIS + " ms");
        }
        if (!ManagementHelper.hasOperationSucceeded(reply)) {
            throw new IllegalStateException("management request refused: " + ManagementHelper.getResult(reply));
        }
        return ManagementHelper.getResult(reply);
    }

    private static void putOperation(ClientMessage m, String operation) {
        try {
            ManagementHelper.putOperationInvocation(m, ResourceNames.BROKER, operation);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code listNetworkTopology}: a JSON array of {nodeID, live, backup?}; a backup entry means one is waiting. */
    static boolean hasBackup(String topology) throws java.io.IOException {
        if (topology == null) {
            return false;
        }
        for (JsonNode member : JSON.readTree(topology)) {
            if (member.hasNonNull("backup")) {
                return true;
            }
        }
        return false;
    }
}
