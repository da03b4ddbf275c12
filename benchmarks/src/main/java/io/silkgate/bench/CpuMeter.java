package io.silkgate.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The process's CPU time, and the part of it spent by the JIT compiler's and the garbage collector's threads, since
 * the meter was started. On two cores the JIT compiles this code base for minutes: a phase measured while it still
 * does measures the compiler, not the gateway. The per-thread figures come from {@code /proc/self/task} (Linux);
 * elsewhere they are reported as zero.
 */
final class CpuMeter {

    /** Linux reports thread CPU in clock ticks of 1/100 s ({@code getconf CLK_TCK}). */
    private static final double TICK_SECONDS = 0.01;
    private static final Path TASKS = Path.of("/proc/self/task");

    private final long cpuStart = processCpuNanos();
    private final long wallStart = System.nanoTime();
    private final long[] threadsStart = jitAndGcTicks();

    static CpuMeter start() {
        return new CpuMeter();
    }

    double cpuSeconds() {
        return (processCpuNanos() - cpuStart) / 1e9;
    }

    double wallSeconds() {
        return (System.nanoTime() - wallStart) / 1e9;
    }

    /** CPU of the JIT compiler threads since the start. */
    double jitSeconds() {
        return (jitAndGcTicks()[0] - threadsStart[0]) * TICK_SECONDS;
    }

    /** CPU of the garbage collector's threads (pauses and concurrent work) since the start. */
    double gcSeconds() {
        return (jitAndGcTicks()[1] - threadsStart[1]) * TICK_SECONDS;
    }

    /** The JIT compiler's share of the process CPU since the start. */
    double jitShare() {
        double cpu = cpuSeconds();
        return cpu <= 0 ? 0 : Math.min(1, jitSeconds() / cpu);
    }

    /** Clock ticks of user + system time of the JIT compiler threads [0] and the collector threads [1]. */
    private static long[] jitAndGcTicks() {
        long[] ticks = new long[2];
        if (!Files.isDirectory(TASKS)) {
            return ticks;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // "tid (name) state ..." — the name may hold spaces and parentheses: the last ')' ends it
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    int kind = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? 0
                            : name.startsWith("GC Thread") || name.startsWith("G1 ") ? 1 : -1;
                    if (kind >= 0) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks[kind] += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
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
