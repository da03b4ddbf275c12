package io.silkgate.gateway.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a submitter's API key: all the gateway keeps of the key in memory. A presented key is hashed
 * and the digests compared in constant time, so neither the key nor a prefix of it can be learnt from memory
 * dumps or response times.
 */
public final class ApiKeyHash {

    /** How an {@code api-key-file} gives the hash instead of the key. */
    public static final String PREFIX = "sha256:";
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final byte[] digest;

    private ApiKeyHash(byte[] digest) {
        this.digest = digest;
    }

    /** The hash of a key given in clear. */
    public static ApiKeyHash ofKey(String key) {
        return new ApiKeyHash(sha256(key));
    }

    /** True for text written {@code sha256:<64 hex digits>}. */
    public static boolean isHashText(String text) {
        return text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && HEX.matcher(text.substring(PREFIX.length())).matches();
    }

    /** Reads {@code sha256:<64 hex digits>} (see {@link #isHashText}). */
    public static ApiKeyHash ofHashText(String text) {
        if (!isHashText(text)) {
            throw new IllegalArgumentException("not sha256:<64 hex digits>");
        }
        return new ApiKeyHash(HexFormat.of().parseHex(text.substring(PREFIX.length()).toLowerCase(Locale.ROOT)));
    }

    /** Whether {@code presented} is the key; time does not depend on where the digests differ. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    /** Whether {@code presentedDigest} (the SHA-256 of a presented key) is this one, in constant time. */
    public boolean matchesDigest(byte[] presentedDigest) {
        return MessageDigest.isEqual(digest, presentedDigest);
    }

    /** The SHA-256 of a presented key, to compare it with many hashes while hashing it once. */
    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKeyHash h && MessageDigest.isEqual(digest, h.digest);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return PREFIX + "****";
    }
}
