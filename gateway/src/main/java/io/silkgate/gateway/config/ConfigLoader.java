package io.silkgate.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks {@code silkgate.yaml} (CONTRACT.md section 7).
 *
 * <p>Every key is checked: unknown keys, wrong types and bad values are errors, and all errors of a file are
 * reported together in one {@link ConfigException}, each naming its key path, e.g.
 * {@code silkgate.yaml: partners[2].endpoint.url: not an absolute http(s) URL: "foo"}.
 *
 * <p>Relative paths in the file ({@code data-dir}, {@code keystore}, {@code anchors}, {@code crl},
 * {@code api-key-file}, {@code client-certificate}, {@code pint.trust}) are resolved against the directory that
 * contains the configuration file, not the working directory, so that a configuration directory can be moved
 * as a whole. Without a file ({@link #defaults(Path)}) they resolve against the given base directory.
 *
 * <p>Secrets ({@code password}, {@code database-password} and the contents of {@code api-key-file}) may contain
 * {@code ${NAME}} references to environment variables; an unset variable is an error that names the key and the
 * variable, never a value.
 */
public final class ConfigLoader {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            // YAML 1.1 would read the country code NO (Norway) and the words yes/on/off as booleans
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ConfigLoader() {
    }

    /** Reads a configuration file, taking {@code ${NAME}} secrets from the process environment. */
    public static SilkgateConfig load(Path file) {
        return load(file, System.getenv());
    }

    /**
     * Reads a configuration file, taking {@code ${NAME}} secrets from {@code env}.
     *
     * @throws ConfigException listing every problem, if the file is missing, not YAML, or not a valid configuration
     */
    public static SilkgateConfig load(Path file, Map<String, String> env) {
        Path absolute = file.toAbsolutePath().normalize();
        String name = String.valueOf(absolute.getFileName());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(absolute);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name + ": file not found: " + absolute);
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read " + absolute + ": " + e.getMessage());
        }
        JsonNode root;
        try {
            root = bytes.length == 0 ? null : MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ConfigException(syntaxError(name, e));
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read " + absolute + ": " + e.getMessage());
        }
        Problems problems = new Problems(name);
        return new ConfigBinder(problems, absolute.getParent(), env).bind(root, absolute);
    }

    /**
     * The configuration used when no file is given: every default, no submitter restriction, no partners;
     * the data directory is {@value ConfigDefaults#DATA_DIR} under {@code baseDir}.
     */
    public static SilkgateConfig defaults(Path baseDir) {
        Path base = baseDir.toAbsolutePath().normalize();
        GatewaySettings gateway = new GatewaySettings(ConfigDefaults.HTTP_HOST, ConfigDefaults.HTTP_PORT,
                base.resolve(ConfigDefaults.DATA_DIR).normalize(), ConfigDefaults.BROKER, ConfigDefaults.DATABASE,
                null, null, ConfigDefaults.MAX_DOCUMENT_BYTES, null, null, null, ConfigDefaults.DELIVERY, null,
                null, ConfigDefaults.RATE_LIMIT, ConfigDefaults.REQUEST_TIMEOUT, ConfigDefaults.PENDING_ALERT,
                ConfigDefaults.RATE_LIMIT.times(ConfigDefaults.READ_RATE_FACTOR), ConfigDefaults.AUTH_FAILURE_LIMIT,
                MetricsAccess.OPEN, null, null);
        return new SilkgateConfig(null, gateway, List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of());
    }

    /** The default of every key, one {@code key: value  # meaning} per line, as the README quotes them. */
    public static String describeDefaults() {
        RetryPolicy d = ConfigDefaults.DELIVERY;
        return String.join("\n",
                "gateway.http-host: " + ConfigDefaults.HTTP_HOST,
                "gateway.http-port: " + ConfigDefaults.HTTP_PORT,
                "gateway.data-dir: " + ConfigDefaults.DATA_DIR + "  # relative to the configuration file's directory",
                "gateway.broker: " + ConfigDefaults.BROKER + "  # Artemis inside the gateway, journal in data-dir",
                "gateway.database: " + ConfigDefaults.DATABASE + "  # H2 file in data-dir",
                "gateway.database-user: (none)",
                "gateway.database-password: (none)",
                "gateway.max-document-size: " + Units.formatSize(ConfigDefaults.MAX_DOCUMENT_BYTES),
                "gateway.archive-retention: (none)  # originals of finished documents are kept for ever",
                "gateway.archive-dir: (data-dir/archive)  # several nodes: one directory they all share",
                "gateway.node-id: (the host name)  # this node's name in logs, health and JMX",
                "gateway.signing: (none)  # signs with the public SAMPLE key of certs-sample, with a warning",
                "gateway.tls: (none)  # plain HTTP, with a start-up warning",
                "gateway.tls.client-auth: " + ConfigDefaults.TLS_CLIENT_AUTH,
                "gateway.jmx: (none)  # no remote JMX",
                "gateway.jolokia: (none)  # no JMX over HTTP",
                "gateway.rate-limit: " + ConfigDefaults.RATE_LIMIT + "  # per submitter (and anonymous), token bucket",
                "gateway.read-rate-limit: " + ConfigDefaults.READ_RATE_FACTOR
                        + " x gateway.rate-limit  # GETs (status, original, evidence), a budget of their own",
                "gateway.auth-failure-limit: " + ConfigDefaults.AUTH_FAILURE_LIMIT
                        + "  # failed authentications per client address (IPv6: per /64), then 429",
                "gateway.metrics.access: authenticated with submitters or a token-file, else open",
                "gateway.metrics.token-file: (none)  # a bearer token for the Prometheus scraper",
                "gateway.request-timeout: " + Units.formatDuration(ConfigDefaults.REQUEST_TIMEOUT)
                        + "  # headers and body of one request must arrive within this",
                "gateway.pending-alert: " + Units.formatDuration(ConfigDefaults.PENDING_ALERT)
                        + "  # a delivery pending longer than this is logged as an ALERT",
                "gateway.delivery.attempts: " + d.attempts(),
                "gateway.delivery.delay: " + Units.formatDuration(d.delay()),
                "gateway.delivery.multiplier: " + d.multiplier(),
                "gateway.delivery.max-delay: " + Units.formatDuration(d.maxDelay()),
                "gateway.delivery.timeout: " + Units.formatDuration(d.timeout()),
                "gateway.delivery.circuit-failures: " + d.circuitFailures()
                        + "  # consecutive failures that pause a partner's consumption (0: never)",
                "gateway.delivery.circuit-open: " + Units.formatDuration(d.circuitOpen())
                        + "  # the pause before one attempt probes the partner again",
                "submitters: (none)  # anyone may submit, with a start-up warning",
                "submitters[].rate-limit: (gateway.rate-limit)",
                "submitters[].read-rate-limit: " + ConfigDefaults.READ_RATE_FACTOR
                        + " x its own rate-limit if it has one, else gateway.read-rate-limit",
                "signers: (none)  # any trusted signer may issue for any party",
                "trust: (none)",
                "trust[].ocsp: " + ConfigDefaults.OCSP,
                "partners: (none)",
                "partners[].duplicates: " + ConfigDefaults.DUPLICATES.yamlName(),
                "partners[].retry: (gateway.delivery, field by field)",
                "routing: (none)",
                "pint: (none)  # /pint/v3 disabled");
    }

    private static String syntaxError(String name, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1
                ? name
                : name + ":" + location.getLineNr() + ":" + location.getColumnNr();
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        // SnakeYAML repeats the offending line with a caret below it; one line per error is easier to read in logs
        return where + ": invalid YAML: " + message.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.equals("^") && !line.startsWith("in 'reader'"))
                .reduce((a, b) -> a + "; " + b)
                .orElse(message);
    }
}
