package io.silkgate.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The process's CPU time since the meter was started, and where it went by thread: the gateway's intake and
 * delivery threads, the broker, the JIT compiler, the garbage collector, the load run's own clients and partner
 * stub. On two cores the JIT compiles this code base for minutes: a phase measured while it still does measures
 * the compiler, not the gateway. The per-thread figures come from {@code /proc/self/task} (Linux); elsewhere
 * they are reported as zero.
 */
final class CpuMeter {

    /** Who spends the CPU, told by thread name (Linux keeps the first 15 characters). */
    enum Spender {
        INTAKE("intake (HTTP workers)", "XNIO-"),
        DELIVERY("delivery (JMS consumers)", "Camel ("),
        BROKER("broker", "Thread-", "activemq-"),
        JIT("JIT compiler", "C1 Compiler", "C2 Compiler"),
        GC("garbage collector", "GC Thread", "G1 "),
        LOAD("load clients + partner stub", "HttpClient-", "bench-partner", "HTTP-Dispatcher"),
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
    private final long jitStart = jitMillis();

    static CpuMeter start() {
        return new CpuMeter();
    }

    double cpuSeconds() {
        return (processCpuNanos() - cpuStart) / 1e9;
    }

    double wallSeconds() {
        return (System.nanoTime() - wallStart) / 1e9;
    }

    /** CPU seconds of each spender since the start (threads that ended in between are not counted). */
    Map<Spender, Double> bySpender() {
        Map<Spender, Long> now = ticksBySpender();
        Map<Spender, Double> seconds = new LinkedHashMap<>();
        for (Spender s : Spender.values()) {
            seconds.put(s, Math.max(0, now.get(s) - ticksStart.get(s)) * TICK_SECONDS);
        }
        return seconds;
    }

    /**
     * The JIT compiler's share of the process CPU since the start. The JVM starts and ends compiler threads as the
     * queue grows and shrinks, and an ended thread's CPU is gone from {@code /proc}; the compiler's own account of
     * its time is kept, so the larger of the two is taken.
     */
    double jitShare() {
        double cpu = cpuSeconds();
        double jit = Math.max(bySpender().get(Spender.JIT), (jitMillis() - jitStart) / 1e3);
        return cpu <= 0 ? 0 : Math.min(1, jit / cpu);
    }

    private static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Clock ticks of user + system time of the live threads, by spender. */
    private static Map<Spender, Long> ticksBySpender() {
        Map<Spender, Long> ticks = new LinkedHashMap<>();
        for (Spender s : Spender.values()) {
            ticks.put(s, 0L);
        }
        if (!Files.isDirectory(TASKS)) {
            return ticks;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // "tid (name) state ..." — the name may hold spaces and parentheses: the last ')' ends it
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(Spender.of(name), Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked: its time is gone with it
                }
            });
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
