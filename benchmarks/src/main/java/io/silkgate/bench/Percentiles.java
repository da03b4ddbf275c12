package io.silkgate.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of latencies in nanoseconds, reported in milliseconds. */
public record Percentiles(int count, double p50, double p95, double p99, double max) {

    /** The percentiles of {@code nanos} (may be unsorted; not modified). */
    public static Percentiles of(long[] nanos) {
        if (nanos.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, millis(rank(sorted, 50)), millis(rank(sorted, 95)),
                millis(rank(sorted, 99)), millis(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)",
                p50, p95, p99, max, count);
    }
}
