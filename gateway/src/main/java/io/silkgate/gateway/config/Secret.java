package io.silkgate.gateway.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** A password or API key from the configuration; never shows its value in {@code toString()} or logs. */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a secret value (may be empty, never null). */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /** The secret itself; hand it only to the API that needs it. */
    public String value() {
        return value;
    }

    /** A fresh copy of the secret as characters, for key store APIs that take a {@code char[]}. */
    public char[] chars() {
        return value.toCharArray();
    }

    /**
     * Compares a presented credential with this secret in time independent of where they differ,
     * so that an API key cannot be guessed byte by byte from response times.
     */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && matches(secret.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "****";
    }
}
