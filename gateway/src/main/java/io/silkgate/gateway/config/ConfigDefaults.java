package io.silkgate.gateway.config;

import java.time.Duration;

/** The value of every configuration key that {@code silkgate.yaml} leaves out. */
public final class ConfigDefaults {

    /** Value of {@code broker} and {@code database} that selects the built-in broker or database. */
    public static final String EMBEDDED = "embedded";
    public static final String HTTP_HOST = "0.0.0.0";
    public static final int HTTP_PORT = 8080;
    /** Relative to the directory of the configuration file (or the working directory without a file). */
    public static final String DATA_DIR = "./data";
    public static final String BROKER = EMBEDDED;
    public static final String DATABASE = EMBEDDED;
    public static final long MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;
    public static final String TLS_CLIENT_AUTH = "none";
    /** Above what one gateway on two cores can take in (~150 documents/s), so it only stops floods. */
    public static final RateLimit RATE_LIMIT = new RateLimit(300, Duration.ofSeconds(1));
    /** Reads (status, original, evidence) may come this many times as often as submissions. */
    public static final int READ_RATE_FACTOR = 5;
    /** Failed authentications one client address may have: a burst of 20, then one every 3 s. */
    public static final RateLimit AUTH_FAILURE_LIMIT = new RateLimit(20, Duration.ofMinutes(1));
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** A delivery still pending after this long is an operator alert (log warning, {@code OldestPendingSeconds}). */
    public static final Duration PENDING_ALERT = Duration.ofMinutes(15);
    public static final int DELIVERY_ATTEMPTS = 8;
    public static final Duration DELIVERY_DELAY = Duration.ofSeconds(5);
    public static final double DELIVERY_MULTIPLIER = 2.0;
    public static final Duration DELIVERY_MAX_DELAY = Duration.ofMinutes(5);
    public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    public static final RetryPolicy DELIVERY = new RetryPolicy(DELIVERY_ATTEMPTS, DELIVERY_DELAY,
            DELIVERY_MULTIPLIER, DELIVERY_MAX_DELAY, DELIVERY_TIMEOUT);
    public static final DuplicatePolicy DUPLICATES = DuplicatePolicy.REJECT;
    public static final boolean OCSP = false;
    public static final boolean OCSP_NONCE = false;
    public static final boolean CRL_DISTRIBUTION_POINTS = false;
    public static final Duration REVOCATION_TIMEOUT = Duration.ofSeconds(5);

    private ConfigDefaults() {
    }
}
