package io.silkgate.gateway.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes the human units of the configuration: sizes ("10MB") and durations ("5s", "PT5S"). */
final class Units {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final long KIB = 1024;

    private Units() {
    }

    /**
     * A byte count such as {@code 1048576}, {@code "512KB"} or {@code "10MB"}; K, M and G are powers of 1024
     * because that is how the size of a file is usually reported.
     *
     * @throws IllegalArgumentException if the text is not a size
     */
    static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size; write e.g. 1048576, \"512KB\" or \"10MB\"");
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit.charAt(0)) {
            case 'k' -> KIB;
            case 'm' -> KIB * KIB;
            case 'g' -> KIB * KIB * KIB;
            default -> 1;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), factor);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("size too large");
        }
    }

    /** The shortest exact spelling of a size in the units {@link #parseSize} reads. */
    static String formatSize(long bytes) {
        String[] units = {"GB", "MB", "KB"};
        long[] factors = {KIB * KIB * KIB, KIB * KIB, KIB};
        for (int i = 0; i < units.length; i++) {
            if (bytes != 0 && bytes % factors[i] == 0) {
                return bytes / factors[i] + units[i];
            }
        }
        return Long.toString(bytes);
    }

    /**
     * A duration such as {@code "500ms"}, {@code "5s"}, {@code "5m"}, {@code "1h"}, {@code "1d"} or ISO-8601 {@code "PT5S"}.
     *
     * @throws IllegalArgumentException if the text is not a duration or is negative
     */
    static Duration parseDuration(String text) {
        String t = text.trim();
        Duration d;
        if (t.startsWith("P") || t.startsWith("p") || t.startsWith("-P") || t.startsWith("-p")) {
            try {
                d = Duration.parse(t);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(durationHint());
            }
        } else {
            Matcher m = DURATION.matcher(t);
            if (!m.matches()) {
                throw new IllegalArgumentException(durationHint());
            }
            long n;
            try {
                n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("duration too long");
            }
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("must not be negative");
        }
        return d;
    }

    static String durationHint() {
        return "not a duration; write e.g. \"500ms\", \"5s\", \"5m\", \"1h\" or ISO-8601 \"PT5S\"";
    }

    /** The shortest exact spelling of a duration in the units {@link #parseDuration} reads. */
    static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms == 0 || !d.equals(Duration.ofMillis(ms))) {
            return d.toString();
        }
        long[] factors = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < factors.length; i++) {
            if (ms % factors[i] == 0) {
                return ms / factors[i] + units[i];
            }
        }
        return ms + "ms";
    }
}
