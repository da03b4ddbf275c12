package io.silkgate.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The process's CPU time since the meter was started, and where it went by thread: the gateway's intake and
 * delivery threads, the broker, the JIT compiler, the garbage collector, the load run's own clients and partner
 * stub. On two cores the JIT compiles this code base for minutes: a phase measured while it still does measures
 * the compiler, not the gateway. The per-thread figures come from {@code /proc/self/task} (Linux); elsewhere
 * they are reported as zero. (Thread ids are reused only after the kernel's pid range wraps.)
 */
final class CpuMeter {

    /** Who spends the CPU, told by thread name (Linux keeps the first 15 characters). */
    enum Spender {
        INTAKE("intake (HTTP workers)", "XNIO-"),
        // the JDK HttpClient's selector and worker threads are the gateway's outbound REST deliveries
        DELIVERY("delivery (JMS consumers, HTTP client)", "Camel (", "HttpClient-"),
        BROKER("broker", "Thread-", "activemq-"),
        JIT("JIT compiler", "C1 Compiler", "C2 Compiler"),
        // G1's and Parallel's workers, Shenandoah's, ZGC's (JDK 17 names)
        GC("garbage collector", "GC Thread", "G1 ", "Shenandoah", "ZWorker", "ZDriver", "ZDirector"),
        LOAD("load clients + partner stub", "bench-client", "bench-partner", "HTTP-Dispatcher"),
        OTHER("other");

        final String label;
        private final List<String> prefixes;

        Spender(String label, String... prefixes) {
            this.label = label;
            this.prefixes = List.of(prefixes);
        }

        static Spender of(String threadName) {
            for (Spender s : values()) {
                if (s.prefixes.stream().anyMatch(threadName::startsWith)) {
                    return s;
                }
            }
            return OTHER;
        }
    }

    /** Linux reports thread CPU in clock ticks of 1/100 s ({@code getconf CLK_TCK}). */
    private static final double TICK_SECONDS = 0.01;
    private static final Path TASKS = Path.of("/proc/self/task");

    private final long cpuStart = processCpuNanos();
    private final long wallStart = System.nanoTime();
    private final Map<Spender, Long> ticksStart = ticksBySpender();

    static CpuMeter start() {
        return new CpuMeter();
    }

    double cpuSeconds() {
        return (processCpuNanos() - cpuStart) / 1e9;
    }

    double wallSeconds() {
        return (System.nanoTime() - wallStart) / 1e9;
    }

    /** CPU seconds of each spender since the start (a thread that ended counts up to its last sample). */
    Map<Spender, Double> bySpender() {
        Map<Spender, Long> now = ticksBySpender();
        Map<Spender, Double> seconds = new LinkedHashMap<>();
        for (Spender s : Spender.values()) {
            seconds.put(s, Math.max(0, now.get(s) - ticksStart.get(s)) * TICK_SECONDS);
        }
        return seconds;
    }

    /** The JIT compiler's share of the process CPU since the start. */
    double jitShare() {
        double cpu = cpuSeconds();
        return cpu <= 0 ? 0 : Math.min(1, bySpender().get(Spender.JIT) / cpu);
    }

    /**
     * Clock ticks of user + system time by spender, of every thread seen so far: the JVM ends compiler threads when
     * its queue shrinks, and a thread's CPU leaves {@code /proc} with it, so the last figure of each thread is kept
     * (a sampler reads them every second; what a thread spent after its last sample is lost).
     */
    private static Map<Spender, Long> ticksBySpender() {
        Map<Spender, Long> ticks = new LinkedHashMap<>();
        for (Spender s : Spender.values()) {
            ticks.put(s, 0L);
        }
        for (long[] thread : ThreadTicks.snapshot().values()) {
            ticks.merge(Spender.values()[(int) thread[0]], thread[1], Long::sum);
        }
        return ticks;
    }

    /** The last ticks read of each thread ever seen, by thread id: {spender ordinal, ticks}. */
    private static final class ThreadTicks {
        private static final Map<String, long[]> SEEN = new ConcurrentHashMap<>();

        static {
            Thread sampler = new Thread(() -> {
                while (true) {
                    read();
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-cpu-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        static Map<String, long[]> snapshot() {
            read();
            return SEEN;
        }

        private static synchronized void read() {
            if (!Files.isDirectory(TASKS)) {
                return;
            }
            try (Stream<Path> tasks = Files.list(TASKS)) {
                tasks.forEach(task -> {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        // "tid (name) state ..." — the name may hold spaces and parentheses: the last ')' ends it
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        SEEN.put(task.getFileName().toString(), new long[] {Spender.of(name).ordinal(), ticks});
                    } catch (IOException | RuntimeException e) {
                        // the thread ended while we looked: its last sample stands
                    }
                });
            } catch (IOException e) {
                // no /proc: every figure stays zero
            }
        }
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
