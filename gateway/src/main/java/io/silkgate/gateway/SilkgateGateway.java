package io.silkgate.gateway;

import io.silkgate.gateway.broker.BrokerMonitor;
import io.silkgate.gateway.broker.EmbeddedBroker;
import io.silkgate.gateway.config.DuplicatePolicy;
import io.silkgate.gateway.config.Partner;
import io.silkgate.gateway.config.RetryPolicy;
import io.silkgate.gateway.config.SilkgateConfig;
import io.silkgate.gateway.http.DocumentsResource;
import io.silkgate.gateway.http.HttpApi;
import io.silkgate.gateway.http.PintResource;
import io.silkgate.gateway.config.ConfigException;
import io.silkgate.gateway.config.PintSettings;
import io.silkgate.pint.EnvelopeVerifier;
import io.silkgate.pint.EnvelopeWriter;
import io.silkgate.pint.PintChainStore;
import io.silkgate.pint.PintHandover;
import io.silkgate.pint.PintReceiver;
import io.silkgate.pint.PintSigner;
import io.silkgate.pint.PintTransport;
import io.silkgate.pint.PintTrust;
import io.silkgate.pint.ServedParty;
import io.silkgate.pint.TransportDocumentCheck;
import io.silkgate.routes.Destination;
import io.silkgate.gateway.http.ListenerSettings;
import io.silkgate.gateway.http.AuthFailureThrottle;
import io.silkgate.gateway.http.RateLimiter;
import io.silkgate.gateway.http.SubmitterGate;
import io.silkgate.gateway.config.TlsSettings;
import io.silkgate.gateway.tls.TlsListener;
import io.silkgate.gateway.jmx.AlertMonitor;
import io.silkgate.gateway.jmx.IntakeStatistics;
import io.silkgate.gateway.jmx.JmxRegistry;
import io.silkgate.gateway.jmx.JolokiaEndpoint;
import io.silkgate.gateway.jmx.NodeView;
import io.silkgate.gateway.jmx.PartnerView;
import io.silkgate.gateway.jmx.RemoteJmx;
import io.silkgate.gateway.jmx.TrustView;
import io.silkgate.gateway.metrics.GatewayMetrics;
import io.silkgate.gateway.metrics.MetricsResource;
import io.silkgate.gateway.soap.DocumentExchangeEndpoint;
import io.silkgate.ledger.DocumentStatus;
import io.silkgate.ledger.Ledger;
import io.silkgate.ledger.LedgerDatabase;
import io.silkgate.routes.BusinessDuplicateCheck;
import io.silkgate.routes.DeadLetterRedrive;
import io.silkgate.routes.DeliveryQueue;
import io.silkgate.routes.DeliveryRecovery;
import io.silkgate.routes.DeliveryTarget;
import io.silkgate.routes.DestinationRouting;
import io.silkgate.routes.DuplicateAnswer;
import io.silkgate.routes.DocumentAcceptor;
import io.silkgate.routes.DocumentArchive;
import io.silkgate.routes.DocumentTranslator;
import io.silkgate.routes.IntakeContext;
import io.silkgate.routes.IntakeOutcome;
import io.silkgate.routes.IntakeParser;
import io.silkgate.routes.IntakeRoute;
import io.silkgate.routes.PartnerControl;
import io.silkgate.routes.PartnerDelivery;
import io.silkgate.routes.PartnerDeliveryRoute;
import io.silkgate.routes.JmsTransport;
import io.silkgate.routes.PartnerTransport;
import io.silkgate.routes.RestTransport;
import io.silkgate.routes.InputValidation;
import io.silkgate.routes.OutputConversion;
import io.silkgate.routes.SignatureCheck;
import io.silkgate.routes.SignerAuthorization;
import io.silkgate.routes.SoapTransport;
import io.silkgate.routes.Submission;
import io.silkgate.routes.SubmitterAuthorization;
import io.silkgate.gateway.config.SignerRule;
import io.silkgate.gateway.config.RateLimit;
import io.silkgate.gateway.config.Submitter;
import java.util.Set;
import io.silkgate.schemas.en16931.ElectronicAddresses;
import io.silkgate.schemas.en16931.Identifier;
import io.silkgate.schemas.validation.InvoiceValidator;
import io.silkgate.sign.DetachedJwsSigner;
import io.silkgate.verify.CertificatePathValidator;
import io.silkgate.verify.CmsSignatureVerifier;
import io.silkgate.verify.JwsSignatureVerifier;
import io.silkgate.verify.RevocationChecker;
import io.silkgate.verify.SignerRules;
import io.silkgate.verify.TaxBureauSignatureVerifier;
import io.silkgate.verify.XmlSignatureVerifier;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: ledger, archive, broker, Camel Main (context {@code silkgate}) with the intake and
 * per-partner delivery routes, and the HTTP API. Start-up order is broker → ledger → routes → recovery → HTTP;
 * a stop (SIGTERM included) closes HTTP first, lets the routes finish, then the broker and the ledger.
 */
public final class SilkgateGateway {

    private static final Logger LOG = LoggerFactory.getLogger(SilkgateGateway.class);
    /** Delivery consumers per partner on this node: always this many, more while a backlog waits. */
    private static final int CONSUMERS_PER_PARTNER = 2;
    private static final int MAX_CONSUMERS_PER_PARTNER = 8;

    private final SilkgateConfig config;
    private final String nodeId;
    private final Clock clock = Clock.systemUTC();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Main main;
    private Thread mainThread;
    private LedgerDatabase database;
    private EmbeddedBroker broker;
    private BrokerMonitor brokerMonitor;
    private DeliveryQueue queue;
    private HttpApi http;
    private Ledger ledger;
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final IntakeStatistics intakeStatistics = new IntakeStatistics(metrics);
    private final List<PartnerControl> partnerControls = new ArrayList<>();
    private final JmxRegistry mbeans = new JmxRegistry();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "silkgate-partner-control");
        t.setDaemon(true);
        return t;
    });
    private RemoteJmx remoteJmx;
    private volatile boolean rulesWarm;
    private volatile ReloadableTrust trust;
    private Bus soapClients;
    private final List<AutoCloseable> closeAtStop = new ArrayList<>();
    private PintParts pint;

    public SilkgateGateway(SilkgateConfig config) {
        this.config = config;
        // resolved once: the host name may need a DNS look-up, and health asks for it on every call
        this.nodeId = config.gateway().effectiveNodeId();
    }

    /** Runs until stopped (SIGTERM or {@link #stop()}); the {@code serve} command. */
    public void runUntilStopped() throws Exception {
        prepare();
        try {
            main.run();
        } finally {
            closeResources();
        }
        if (failure.get() != null) {
            throw new GatewayStartException(failure.get());
        }
    }

    /** The gateway could not start (port in use, broker lock, …); the message says why. */
    public static final class GatewayStartException extends Exception {
        GatewayStartException(Throwable cause) {
            super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        }
    }

    /** Starts in the background and returns once the HTTP API answers; for the demo and tests. */
    public void start() throws Exception {
        prepare();
        mainThread = new Thread(() -> {
            try {
                main.run();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                closeResources();
                ready.countDown();
            }
        }, "silkgate-main");
        mainThread.start();
        if (!ready.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the gateway did not start within 120 s");
        }
        if (failure.get() != null) {
            throw new GatewayStartException(failure.get());
        }
    }

    public void stop() {
        if (main != null) {
            main.completed();
        }
        if (mainThread != null) {
            try {
                mainThread.join(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Ledger ledger() {
        return ledger;
    }

    private void prepare() throws Exception {
        Path dataDir = config.gateway().dataDir();
        Files.createDirectories(dataDir);
        GatewayCrypto crypto = GatewayCrypto.load(config);
        trust = crypto.trust();
        List<DeliveryTarget> targets = config.partners().stream().map(SilkgateGateway::targetOf).toList();

        ActiveMQConnectionFactory connections;
        long t0 = System.nanoTime();
        if (config.gateway().embeddedBroker()) {
            // durable to the same degree as the ledger: fsync only when the ledger is an external database
            broker = new EmbeddedBroker(dataDir.resolve("broker"), targets, metrics.registry(),
                    !config.gateway().embeddedDatabase());
            broker.start();
            LOG.info("embedded broker started in {} ms (journal in {})", millisSince(t0), dataDir.resolve("broker"));
            connections = new ActiveMQConnectionFactory(EmbeddedBroker.IN_VM_URL);
        } else {
            connections = new ActiveMQConnectionFactory(externalBrokerUrl(config.gateway().broker()));
            brokerMonitor = new BrokerMonitor(config.gateway().broker(), clock);
            brokerMonitor.start();
            closeAtStop.add(brokerMonitor);
            LOG.info("node {}: broker {}", nodeId(), BrokerMonitor.describe(brokerMonitor.state()));
        }
        // A delivery waits on its partner for milliseconds to seconds: a consumer that buffered messages ahead would
        // sit on them while the consumers added for a backlog, and other nodes, found the queue empty.
        connections.setConsumerWindowSize(0);
        try {
            t0 = System.nanoTime();
            database = config.gateway().embeddedDatabase()
                    ? LedgerDatabase.open(LedgerDatabase.embeddedUrl(dataDir), null, null)
                    : LedgerDatabase.open(config.gateway().database(), config.gateway().databaseUser(),
                            config.gateway().databasePassword() == null ? null
                                    : config.gateway().databasePassword().value());
            ledger = new Ledger(database.dataSource(), clock);
            LOG.info("ledger ready in {} ms", millisSince(t0));
            queue = new DeliveryQueue(connections);
        } catch (RuntimeException e) {
            closeResources();
            throw e;
        }
        // several nodes share one archive (gateway.archive-dir): any node may deliver what another accepted
        DocumentArchive archive = new DocumentArchive(config.gateway().effectiveArchiveDir(),
                !config.gateway().embeddedDatabase());
        // first use of a rule set compiles its XSLT (seconds): do it in the background at start, so start-up is
        // not held up and the first submissions are not the ones that pay
        InvoiceValidator validator = new InvoiceValidator();
        Thread warmer = new Thread(() -> {
            validator.prewarmAll();
            rulesWarm = true;
        }, "silkgate-rules-prewarm");
        warmer.setDaemon(true);
        warmer.start();
        DocumentTranslator translator = new DocumentTranslator(validator, directory(config));
        pint = pintParts(crypto, archive, translator);

        main = new Main();
        main.configure().withName("silkgate").withJmxEnabled(true).withShutdownTimeout(30);
        main.bind("jms", JmsComponent.jmsComponent(connections));
        MicrometerRoutePolicyFactory routeMeters = new MicrometerRoutePolicyFactory();
        routeMeters.setMeterRegistry(metrics.registry());
        main.bind("silkgateRouteMeters", routeMeters);
        DuplicateAnswer duplicates = new DuplicateAnswer(ledger, config.partners().stream()
                .filter(p -> p.duplicates() == DuplicatePolicy.ACCEPT_AND_FLAG).map(Partner::id)
                .collect(java.util.stream.Collectors.toSet()), clock);
        // one validator for XML and CMS signatures: they share the OCSP and CRL caches
        CertificatePathValidator paths = new CertificatePathValidator(new RevocationChecker(clock));
        main.configure().addRoutesBuilder(new IntakeRoute(new IntakeRoute.IntakeSteps(
                new IntakeParser(ledger, duplicates),
                new SignatureCheck(new XmlSignatureVerifier(paths), new CmsSignatureVerifier(paths),
                        new TaxBureauSignatureVerifier(paths), new JwsSignatureVerifier(paths), crypto.trust(), clock),
                new SignerAuthorization(signerRules(config)),
                new SubmitterAuthorization(config.submitters().stream().collect(java.util.stream.Collectors.toMap(
                        Submitter::id, s -> Set.copyOf(s.parties())))),
                new BusinessDuplicateCheck(ledger, duplicates),
                new InputValidation(validator),
                new DestinationRouting(new ConfiguredDestinations(config.partners(), config.routing(), translator),
                        config.submitters().stream().filter(s -> !s.destinations().isEmpty())
                                .collect(java.util.stream.Collectors.toMap(Submitter::id,
                                        s -> Set.copyOf(s.destinations())))),
                new OutputConversion(translator),
                new DocumentAcceptor(archive, ledger, queue, duplicates, clock)), ledger, clock));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        DetachedJwsSigner signer = crypto.signer();
        DeadLetterRedrive redrive = new DeadLetterRedrive(connections, ledger);
        for (Partner p : config.partners()) {
            DeliveryTarget t = targetOf(p);
            PartnerControl control = new PartnerControl(t, main::getCamelContext, ledger, redrive, scheduler, metrics,
                    clock);
            partnerControls.add(control);
            main.configure().addRoutesBuilder(new PartnerDeliveryRoute(t,
                    new PartnerDelivery(t, ledger, archive, translator, signer, crypto.xmlSigner(),
                            transportOf(p, t, client), control, clock), CONSUMERS_PER_PARTNER,
                    MAX_CONSUMERS_PER_PARTNER));
        }
        main.addMainListener(new Lifecycle(archive, crypto));
    }

    /** Hooks the gateway's own resources into Camel Main's start and stop. */
    private final class Lifecycle extends MainListenerSupport {

        private final DocumentArchive archive;
        private final GatewayCrypto crypto;

        Lifecycle(DocumentArchive archive, GatewayCrypto crypto) {
            this.archive = archive;
            this.crypto = crypto;
        }

        @Override
        public void afterConfigure(BaseMainSupport m) {
            CamelContext camel = m.getCamelContext();
            try {
                // stopped by Camel after the routes, inside the shutdown the SIGTERM hook waits for
                camel.addService(new ServiceSupport() {
                    @Override
                    protected void doStop() {
                        closeResources();
                    }
                }, true, false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    if (event instanceof CamelEvent.CamelContextStoppingEvent) {
                        closeHttp();
                    }
                }
            });
        }

        @Override
        public void afterStart(BaseMainSupport m) {
            try {
                DeliveryRecovery.requeueUnfinished(ledger, queue);
                scheduleArchiveRetention(archive);
                mbeans.register(intakeStatistics, JmxRegistry.intakeName());
                List<PartnerView> views = new ArrayList<>();
                for (PartnerControl c : partnerControls) {
                    PartnerView view = new PartnerView(c, ledger, clock);
                    views.add(view);
                    mbeans.register(view, JmxRegistry.partnerName(c.partner()));
                }
                TrustView trustView = new TrustView(crypto.trust(), crypto.signer().chain(), clock);
                mbeans.register(trustView, JmxRegistry.trustName());
                mbeans.register(new NodeView(nodeId(), brokerLabel(), databaseLabel(),
                        SilkgateGateway.this::brokerState), JmxRegistry.nodeName());
                scheduler.scheduleWithFixedDelay(new AlertMonitor(views, trustView, clock,
                        config.gateway().pendingAlert()), 0, 1, TimeUnit.MINUTES);
                TlsSettings tls = config.gateway().tls();
                if (config.gateway().jmx() != null) {
                    remoteJmx = new RemoteJmx(config.gateway().httpHost(), config.gateway().jmx(), tls);
                }
                if (config.gateway().jolokia() != null) {
                    closeAtStop.add(new JolokiaEndpoint(config.gateway().httpHost(), config.gateway().jolokia(),
                            tls));
                }
                ProducerTemplate template = m.getCamelContext().createProducerTemplate();
                DocumentsResource resource = new DocumentsResource(s -> intake(template, s), ledger, archive,
                        config.gateway().maxDocumentBytes(), SilkgateGateway.this::health, intakeStatistics);
                DocumentExchangeEndpoint soap = new DocumentExchangeEndpoint(s -> intake(template, s), ledger,
                        config.gateway().maxDocumentBytes(), intakeStatistics);
                ListenerSettings listener = new ListenerSettings(config.gateway().httpHost(),
                        config.gateway().httpPort(),
                        tls == null ? null : TlsListener.serverParameters(tls, crypto.clientCertificates()),
                        config.gateway().requestTimeout(),
                        DocumentExchangeEndpoint.maxRequestBytes(config.gateway().maxDocumentBytes()));
                if (tls == null) {
                    LOG.warn("no gateway.tls configured: the HTTP API{}{} listen{} in plain text; API keys and"
                            + " documents cross the network readable (local use only)",
                            config.gateway().jolokia() != null ? ", Jolokia" : "",
                            config.gateway().jmx() != null ? " and remote JMX" : "",
                            config.gateway().jolokia() != null || config.gateway().jmx() != null ? "" : "s");
                }
                SubmitterGate gate = new SubmitterGate(crypto.submitters(), gateLimits(),
                        config.gateway().metrics(), DocumentExchangeEndpoint::rejection,
                        code -> intakeStatistics.rejectedAtTheDoor(code.name()));
                http = new HttpApi(listener, gate, resource, new MetricsResource(metrics), soap, pint == null ? null
                        : new PintResource(pint.receiver(), config.gateway().maxDocumentBytes()));
                LOG.info("Silkgate node {} READY: HTTP API on {}://{}:{}/api/v1, data in {}", nodeId(),
                        listener.scheme(), config.gateway().httpHost(), config.gateway().httpPort(),
                        config.gateway().dataDir().toAbsolutePath());
            } catch (RuntimeException e) {
                failure.set(e);
                LOG.error("start-up failed: {}", e.toString());
                main.completed();
            } finally {
                ready.countDown();
            }
        }
    }

    /** Submission and read budgets per submitter, failed authentications per client address. */
    private SubmitterGate.Limits gateLimits() {
        Map<String, RateLimit> submissions = new HashMap<>();
        Map<String, RateLimit> reads = new HashMap<>();
        for (Submitter s : config.submitters()) {
            if (s.rateLimit() != null) {
                submissions.put(s.id(), s.rateLimit());
            }
            if (s.readRateLimit() != null) {
                reads.put(s.id(), s.readRateLimit());
            }
        }
        return new SubmitterGate.Limits(new RateLimiter(submissions, config.gateway().rateLimit()),
                new RateLimiter(reads, config.gateway().readRateLimit()),
                new AuthFailureThrottle(config.gateway().authFailureLimit()));
    }

    private void scheduleArchiveRetention(DocumentArchive archive) {
        Duration retention = config.gateway().archiveRetention();
        if (retention == null) {
            return;
        }
        Set<DocumentStatus> finished = Set.of(DocumentStatus.DELIVERED, DocumentStatus.PARTIALLY_DELIVERED,
                DocumentStatus.FAILED);
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int n = archive.deleteOlderThan(clock.instant().minus(retention),
                        id -> ledger.findDocument(id).map(d -> finished.contains(d.status())).orElse(true));
                if (n > 0) {
                    LOG.info("archive retention: {} originals older than {} deleted", n, retention);
                }
            } catch (RuntimeException e) {
                LOG.warn("archive retention sweep failed: {}", e.toString());
            }
        }, 1, 60, TimeUnit.MINUTES);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private IntakeOutcome intake(ProducerTemplate template, Submission submission) {
        long started = System.nanoTime();
        Exchange result = template.request(IntakeRoute.ENDPOINT,
                e -> e.setProperty(IntakeContext.PROPERTY, new IntakeContext(submission)));
        if (result.getException() != null) {
            throw new IllegalStateException("intake failed", result.getException());
        }
        IntakeOutcome outcome = result.getMessage().getBody(IntakeOutcome.class);
        intakeStatistics.record(outcome, Duration.ofNanos(System.nanoTime() - started));
        return outcome;
    }

    private Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        BrokerMonitor.State brokerState = brokerState();
        boolean brokerUp = brokerState.reachable();
        boolean dbUp = database != null && database.isUp();
        boolean camelUp = main != null && main.getCamelContext() != null && main.getCamelContext().isStarted();
        // ready only once the rule sets are compiled: until then a submission could take many seconds
        h.put("status", brokerUp && dbUp && camelUp && rulesWarm ? "UP" : "DOWN");
        h.put("node", nodeId());
        h.put("broker", brokerUp ? "UP" : "DOWN");
        if (brokerMonitor != null) {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("active", brokerState.activeBroker());
            pair.put("role", brokerState.activeRole());
            pair.put("backupAnnounced", brokerState.backupAnnounced());
            pair.put("replicaSync", brokerState.replicaSync());
            h.put("brokerCluster", pair);
        }
        h.put("database", dbUp ? "UP" : "DOWN");
        h.put("routes", camelUp ? "UP" : "DOWN");
        h.put("ruleSets", rulesWarm ? "WARM" : "WARMING");
        ReloadableTrust trust = this.trust;
        h.put("trustCountries", trust == null ? List.of() : new java.util.TreeSet<>(trust.get().countries()));
        return h;
    }

    private String nodeId() {
        return nodeId;
    }

    /** The external broker's last answer, or the embedded broker's state. */
    private BrokerMonitor.State brokerState() {
        if (brokerMonitor != null) {
            return brokerMonitor.state();
        }
        boolean active = broker != null && broker.isActive();
        return new BrokerMonitor.State(active, "embedded", null, false, false, clock.instant(),
                active ? null : "the embedded broker is not active");
    }

    /** The broker list without URL parameters (they may carry credentials). */
    private String brokerLabel() {
        return config.gateway().embeddedBroker() ? "embedded" : java.util.Arrays.stream(
                config.gateway().broker().split(",")).map(u -> u.replaceFirst("\\?.*$", "").trim())
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** "embedded" or the JDBC sub-protocol: the URL itself may carry a password. */
    private String databaseLabel() {
        String db = config.gateway().database();
        return config.gateway().embeddedDatabase() ? "embedded" : db.split(":")[1];
    }

    private PartnerTransport transportOf(Partner p, DeliveryTarget t, HttpClient client) {
        return switch (p.endpoint().type()) {
            case REST -> new RestTransport(t.url(), t.timeout(), client);
            case SOAP -> new SoapTransport(t.url(), t.timeout(), soapClients());
            case JMS -> {
                JmsTransport jms = new JmsTransport(p.id(), t.url(), ActiveMQConnectionFactory::new);
                closeAtStop.add(jms);
                yield jms;
            }
            case PINT -> pint.recipient() == null ? failPintRecipient(p) : new PintTransport(t.url(), t.timeout(), client, pint.store(), pint.signer(),
                    config.pint().platform(), EnvelopeWriter.party(pint.recipient().partyName(),
                            pint.recipient().eblPlatform(), pint.recipient().codeListProvider(),
                            pint.recipient().partyCode()), pint.trust(), clock);
        };
    }

    private static PartnerTransport failPintRecipient(Partner p) {
        throw new ConfigException("pint.forward-recipient: required for partner " + p.id() + " (endpoint type pint)");
    }

    /** The PINT receiver and what the PINT sender shares with it; null without {@code pint:}. */
    private record PintParts(PintReceiver receiver, PintChainStore store, PintSigner signer, PintTrust trust,
            io.silkgate.gateway.config.PintRecipient recipient) {
    }

    private PintParts pintParts(GatewayCrypto crypto, DocumentArchive archive, DocumentTranslator translator) {
        PintSettings settings = config.pint();
        boolean pintPartners = config.partners().stream()
                .anyMatch(p -> p.endpoint().type() == io.silkgate.gateway.config.EndpointType.PINT);
        if (settings == null) {
            if (pintPartners) {
                throw new ConfigException("pint: required for partners with endpoint type pint (the gateway signs"
                        + " as the platform named in pint.platform and checks answers with pint.trust)");
            }
            return null;
        }
        List<Destination> forwardTo = new ArrayList<>();
        for (String id : settings.forwardTo()) {
            Partner p = config.partners().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            if (!translator.canTranslate(PintHandover.FORMAT, p.format())) {
                throw new ConfigException("pint.forward-to: partner " + id + " receives " + p.format()
                        + ", and there is no conversion from an eBL to " + p.format());
            }
            forwardTo.add(new Destination(p.id(), p.format()));
        }
        PintTrust trust;
        try {
            trust = PintTrust.fromPem(settings.trust());
        } catch (RuntimeException e) {
            throw new ConfigException("pint.trust: " + e.getMessage());
        }
        if (trust.keys().isEmpty()) {
            LOG.warn("pint.trust holds no certificates: every PINT envelope will be refused (BSIG)");
        }
        PintSigner signer = crypto.signer()::signAttached;
        PintChainStore store = new PintChainStore(database.dataSource(), clock);
        java.util.Set<ServedParty> parties = settings.parties().stream()
                .map(p -> new ServedParty(p.codeListProvider(), p.partyCode()))
                .collect(java.util.stream.Collectors.toSet());
        EnvelopeVerifier verifier = new EnvelopeVerifier(trust, settings.platform(), parties,
                TransportDocumentCheck.DCSA_STRUCTURE, config.gateway().maxDocumentBytes(), signerRules(config));
        PintReceiver receiver = new PintReceiver(verifier, store, signer,
                new PintHandover(archive, ledger, queue, forwardTo, clock));
        LOG.info("PINT receiver for platform {} on /pint/v3: {} trusted keys, {} parties, forwarding to {}",
                settings.platform(), trust.keys().size(), parties.size(), settings.forwardTo());
        return new PintParts(receiver, store, signer, trust, settings.forwardRecipient());
    }

    /** The {@code signers:} mapping, for intake and for PINT alike. */
    public static SignerRules signerRules(SilkgateConfig config) {
        return new SignerRules(config.signers().stream().collect(java.util.stream.Collectors.toMap(
                SignerRule::subject, r -> Set.copyOf(r.parties()), (a, b) -> {
                    Set<String> both = new java.util.HashSet<>(a);
                    both.addAll(b);
                    return both;
                })));
    }

    /** One CXF bus for every SOAP partner's client, made on first use. */
    private synchronized Bus soapClients() {
        if (soapClients == null) {
            soapClients = BusFactory.newInstance().createBus();
        }
        return soapClients;
    }

    /** The delivery settings of a partner, as the routes and the broker address settings need them. */
    public static DeliveryTarget targetOf(Partner p) {
        RetryPolicy r = p.retry();
        return new DeliveryTarget(p.id(), p.endpoint().url(), p.format(), r.attempts(), r.delay(), r.multiplier(),
                r.maxDelay(), r.timeout(), r.circuitFailures(), r.circuitOpen(), p.jwsEnvelope());
    }

    /** Artemis client URL for a comma-separated list: fail over between the brokers, reconnect for ever. */
    static String externalBrokerUrl(String list) {
        String[] urls = list.split(",");
        if (urls.length == 1) {
            return urls[0].trim() + "?reconnectAttempts=-1";
        }
        return "(" + String.join(",", java.util.Arrays.stream(urls).map(String::trim).toList())
                + ")?ha=true&reconnectAttempts=-1";
    }

    private synchronized void closeHttp() {
        if (http != null) {
            http.close();
            http = null;
            LOG.info("HTTP API closed");
        }
    }

    private synchronized void closeResources() {
        closeHttp();
        if (remoteJmx != null) {
            remoteJmx.close();
            remoteJmx = null;
        }
        mbeans.close();
        scheduler.shutdownNow();
        for (AutoCloseable c : closeAtStop) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("could not close {}: {}", c, e.toString());
            }
        }
        closeAtStop.clear();
        metrics.close();
        if (queue != null) {
            queue.close();
            queue = null;
        }
        if (soapClients != null) {
            soapClients.shutdown(true);
            soapClients = null;
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (database != null) {
            database.close();
            database = null;
            LOG.info("broker and ledger closed; Silkgate stopped");
        }
    }

    private static ElectronicAddresses directory(SilkgateConfig config) {
        Map<String, Identifier> byParty = new LinkedHashMap<>();
        config.directory().forEach(e -> byParty.put(e.party(), ElectronicAddresses.parse(e.address()).orElseThrow()));
        return new ElectronicAddresses(byParty);
    }
}
