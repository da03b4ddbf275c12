package io.silkgate.bench;

/** The two invoice sizes every per-document benchmark runs on, by the name JMH's {@code size} parameter uses. */
public final class BenchSize {

    /** The ~10 KB invoice. */
    public static final String SMALL = "10k";
    /** The ~1 MB invoice. */
    public static final String LARGE = "1m";

    private BenchSize() {
    }

    /** Invoice lines for a size name. */
    public static int lines(String size) {
        return switch (size) {
            case SMALL -> BenchDocuments.SMALL_LINES;
            case LARGE -> BenchDocuments.LARGE_LINES;
            default -> throw new IllegalArgumentException("unknown size " + size + " (10k or 1m)");
        };
    }
}
