package io.silkgate.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads single values of the configuration (ports, sizes, durations, countries, parties, paths, secrets),
 * recording a problem at the key's path for every value that is wrong; a wrong value reads as null or the default.
 */
final class ValueReader {

    static final Pattern NO_SPACE = Pattern.compile("\\S+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    static final Pattern PARTY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*:\\S+");
    /** Short keys are guessable; 16 characters of a random key is the least we let through. */
    private static final int MIN_API_KEY_LENGTH = 16;
    private static final long MAX_API_KEY_FILE_BYTES = 4096;

    private final Problems problems;
    private final Path baseDir;
    private final Map<String, String> env;

    ValueReader(Problems problems, Path baseDir, Map<String, String> env) {
        this.problems = problems;
        this.baseDir = baseDir;
        this.env = env;
    }

    /** A path written in the file, resolved against the configuration file's directory. */
    Path resolve(String relative) {
        return baseDir.resolve(relative).normalize();
    }

    /**
     * The API key in the file named by {@code api-key-file}: trimmed, {@code ${NAME}} expanded, and checked; the
     * file may instead hold {@code sha256:<hex>} of the key. Only the hash is kept.
     */
    ApiKeyHash apiKey(YamlSection item) {
        return apiKey(item, "api-key-file");
    }

    /** A bearer key (or {@code sha256:<hex>} of one) read from the file named by {@code key}. */
    ApiKeyHash apiKey(YamlSection item, String fileKey) {
        Path file = existingFile(item, fileKey, false, false);
        if (file == null) {
            return null;
        }
        String at = item.child(fileKey);
        String raw;
        try {
            if (Files.size(file) > MAX_API_KEY_FILE_BYTES) {
                problems.add(at, "file is larger than " + MAX_API_KEY_FILE_BYTES + " bytes; it should hold one API key: "
                        + Problems.quote(file.toString()));
                return null;
            }
            raw = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            problems.add(at, "cannot read " + Problems.quote(file.toString()) + ": " + e.getMessage());
            return null;
        }
        if (raw.startsWith("\uFEFF")) {
            raw = raw.substring(1);
        }
        EnvReferences.Result expanded = EnvReferences.expand(raw.trim(), env);
        for (String problem : expanded.problems()) {
            problems.add(at, problem + " (referenced in " + Problems.quote(file.toString()) + ")");
        }
        if (!expanded.ok()) {
            return null;
        }
        String key = expanded.value().trim();
        if (ApiKeyHash.isHashText(key)) {
            return ApiKeyHash.ofHashText(key);
        }
        if (key.regionMatches(true, 0, ApiKeyHash.PREFIX, 0, ApiKeyHash.PREFIX.length())) {
            problems.add(at, "the key hash in " + Problems.quote(file.toString())
                    + " must be written sha256:<64 hexadecimal digits>");
        } else if (key.isEmpty()) {
            problems.add(at, "the API key in " + Problems.quote(file.toString()) + " is empty");
        } else if (!NO_SPACE.matcher(key).matches()) {
            problems.add(at, "the API key in " + Problems.quote(file.toString())
                    + " must be one token without spaces or line breaks");
        } else if (key.length() < MIN_API_KEY_LENGTH) {
            problems.add(at, "the API key in " + Problems.quote(file.toString()) + " is shorter than "
                    + MIN_API_KEY_LENGTH + " characters");
        } else {
            return ApiKeyHash.ofKey(key);
        }
        return null;
    }

    List<String> parties(YamlSection item, String key) {
        List<String> parties = item.strings(key);
        if (parties == null) {
            return List.of();
        }
        if (parties.isEmpty()) {
            problems.add(item.child(key), "missing (list at least one party, written scheme:identifier)");
        }
        for (int i = 0; i < parties.size(); i++) {
            if (!PARTY.matcher(parties.get(i)).matches()) {
                problems.add(item.child(key) + "[" + i + "]", "not a party written scheme:identifier (e.g. \"VA:DE123456789\"): "
                        + Problems.quote(parties.get(i)));
            }
        }
        return parties;
    }

    String country(YamlSection s, String key, boolean required) {
        String country = required ? s.requiredString(key) : s.string(key);
        if (country != null && !COUNTRY.matcher(country).matches()) {
            problems.add(s.child(key), "not a two-letter upper-case country code (ISO 3166 alpha-2): " + Problems.quote(country));
        }
        return country;
    }

    String oneOf(YamlSection s, String key, List<String> allowed, String dflt) {
        String value = s.string(key);
        if (value == null) {
            return dflt;
        }
        if (!allowed.contains(value)) {
            problems.add(s.child(key), "expected one of " + String.join(", ", allowed) + ", found " + Problems.quote(value));
            return null;
        }
        return value;
    }

    int port(YamlSection s, String key, int dflt) {
        Long port = s.integer(key);
        if (port == null) {
            return dflt;
        }
        if (port < 1 || port > 65535) {
            problems.add(s.child(key), "not a port number (1..65535): " + port);
            return dflt;
        }
        return port.intValue();
    }

    long size(YamlSection s, String key, long dflt) {
        JsonNode value = s.raw(key);
        if (value == null) {
            return dflt;
        }
        long bytes;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            bytes = value.longValue();
        } else if (value.isTextual()) {
            try {
                bytes = Units.parseSize(value.textValue());
            } catch (IllegalArgumentException e) {
                problems.add(s.child(key), e.getMessage() + ": " + Problems.quote(value.textValue()));
                return dflt;
            }
        } else {
            problems.add(s.child(key), "expected a size such as 1048576, \"512KB\" or \"10MB\", found "
                    + YamlSection.describe(value));
            return dflt;
        }
        if (bytes < 1 || bytes > Integer.MAX_VALUE) {
            problems.add(s.child(key), "must be between 1 byte and " + Integer.MAX_VALUE + " bytes: " + bytes);
            return dflt;
        }
        return bytes;
    }

    /** A rate such as {@code 50/s}, {@code 600/min}, {@code 10000/h} or {@code unlimited}; null when absent. */
    RateLimit rateLimit(YamlSection s, String key) {
        JsonNode value = s.raw(key);
        if (value == null) {
            return null;
        }
        RateLimit limit = value.isTextual() ? RateLimit.parse(value.textValue()) : null;
        if (limit == null) {
            problems.add(s.child(key), "expected a rate such as \"50/s\", \"600/min\", \"10000/h\" or"
                    + " \"unlimited\", found " + YamlSection.describe(value));
        }
        return limit;
    }

    Duration duration(YamlSection s, String key) {
        JsonNode value = s.raw(key);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            problems.add(s.child(key), "a duration needs a unit, e.g. \"" + value.asText() + "s\" or \""
                    + value.asText() + "ms\"");
            return null;
        }
        if (!value.isTextual()) {
            problems.add(s.child(key), Units.durationHint() + ", found " + YamlSection.describe(value));
            return null;
        }
        try {
            return Units.parseDuration(value.textValue());
        } catch (IllegalArgumentException e) {
            problems.add(s.child(key), e.getMessage() + ": " + Problems.quote(value.textValue()));
            return null;
        }
    }

    Secret secret(YamlSection s, String key) {
        String raw = s.secretString(key);
        if (raw == null) {
            return null;
        }
        EnvReferences.Result expanded = EnvReferences.expand(raw, env);
        expanded.problems().forEach(p -> problems.add(s.child(key), p));
        return expanded.ok() ? Secret.of(expanded.value()) : null;
    }

    Secret requiredSecret(YamlSection s, String key) {
        if (!s.has(key)) {
            s.missing(key);
            return null;
        }
        return secret(s, key);
    }

    /** A path from the file, resolved against the configuration file's directory. */
    Path path(YamlSection s, String key) {
        String text = s.string(key);
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            problems.add(s.child(key), "must not be empty");
            return null;
        }
        try {
            return baseDir.resolve(text).normalize();
        } catch (InvalidPathException e) {
            problems.add(s.child(key), "not a valid path: " + Problems.quote(text));
            return null;
        }
    }

    /** A path that must name an existing, readable file (or, if allowed, a directory). */
    Path existingFile(YamlSection s, String key, boolean required, boolean directoryAllowed) {
        if (required && !s.has(key)) {
            s.missing(key);
            return null;
        }
        Path path = path(s, key);
        if (path == null) {
            return null;
        }
        String shown = Problems.quote(path.toString());
        if (!Files.exists(path)) {
            problems.add(s.child(key), (directoryAllowed ? "no such file or directory: " : "file not found: ") + shown);
        } else if (Files.isDirectory(path) && !directoryAllowed) {
            problems.add(s.child(key), "is a directory, expected a file: " + shown);
        } else if (!Files.isReadable(path)) {
            problems.add(s.child(key), "not readable: " + shown);
        } else {
            return path;
        }
        return null;
    }
}
