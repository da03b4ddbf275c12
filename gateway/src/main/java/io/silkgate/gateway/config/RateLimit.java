package io.silkgate.gateway.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many requests a submitter may make: a token bucket of {@code permits} tokens, refilled at {@code permits}
 * per {@code per}, so a full bucket allows a burst of {@code permits} requests at once.
 *
 * @param permits 0 for no limit
 */
public record RateLimit(long permits, Duration per) {

    /** No limit at all. */
    public static final RateLimit UNLIMITED = new RateLimit(0, Duration.ofSeconds(1));

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*/\\s*(s|sec|second|m|min|minute|h|hour)");

    public RateLimit {
        Objects.requireNonNull(per, "per");
        if (permits < 0 || per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("permits must be 0 (unlimited) or more, per must be positive");
        }
    }

    public boolean unlimited() {
        return permits == 0;
    }

    /** {@code factor} times as many permits in the same time; unlimited stays unlimited. */
    public RateLimit times(int factor) {
        return unlimited() ? this : new RateLimit(permits * factor, per);
    }

    /** Reads {@code 50/s}, {@code 600/min}, {@code 10000/h} or {@code unlimited}; null if it is none of those. */
    public static RateLimit parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("unlimited")) {
            return UNLIMITED;
        }
        Matcher m = TEXT.matcher(t);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            return null;
        }
        Duration per = switch (m.group(2)) {
            case "s", "sec", "second" -> Duration.ofSeconds(1);
            case "m", "min", "minute" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        return new RateLimit(Long.parseLong(m.group(1)), per);
    }

    @Override
    public String toString() {
        if (unlimited()) {
            return "unlimited";
        }
        return permits + "/" + (per.equals(Duration.ofSeconds(1)) ? "s" : per.equals(Duration.ofMinutes(1)) ? "min" : "h");
    }
}
