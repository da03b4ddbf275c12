package io.silkgate.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.silkgate.gateway.broker.EmbeddedBroker;
import io.silkgate.routes.DeliveryQueue;
import io.silkgate.routes.DeliveryTarget;
import io.silkgate.routes.QueuedDelivery;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable enqueue on the gateway's embedded Artemis (persistent NIO journal in a temp dir, the gateway's
 * {@link DeliveryQueue}): one delivery per broker commit, as intake does, against 100 per commit.
 * Scores are messages per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EnqueueBenchmark {

    /** Messages per commit of the batched variant. */
    public static final int BATCH = 100;
    private static final String PARTNER = "bench";

    private final AtomicLong sequence = new AtomicLong();
    private Path dataDir;
    private EmbeddedBroker broker;
    private DeliveryQueue queue;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dataDir = Files.createTempDirectory("silkgate-bench-broker");
        DeliveryTarget target = new DeliveryTarget(PARTNER, URI.create("http://127.0.0.1:9/"), "ubl", 3,
                Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), Duration.ofSeconds(5), 5, Duration.ofSeconds(30));
        broker = new EmbeddedBroker(dataDir, List.of(target), new SimpleMeterRegistry());
        broker.start();
        queue = new DeliveryQueue(new ActiveMQConnectionFactory(EmbeddedBroker.IN_VM_URL));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        queue.close();
        broker.close();
        TempDirs.delete(dataDir);
    }

    @Benchmark
    public void onePerCommit() {
        queue.enqueue(List.of(next()));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batchedPerCommit() {
        List<QueuedDelivery> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(next());
        }
        queue.enqueue(batch);
    }

    /** Messages the queue holds now (the smoke test checks that sends arrived). */
    public long queued() {
        return broker.messageCount(QueuedDelivery.queueOf(PARTNER));
    }

    private QueuedDelivery next() {
        long n = sequence.incrementAndGet();
        return new QueuedDelivery("delivery-" + n, "document-" + n, PARTNER);
    }
}
