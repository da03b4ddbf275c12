package io.silkgate.gateway.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Tells which configured submitter presented an API key ({@code Authorization: Bearer <key>}). With no submitters
 * configured everyone is the submitter {@code anonymous} (local use; the gateway warns at start).
 */
public final class SubmitterAuthenticator {

    public static final String ANONYMOUS = "anonymous";

    private final Map<String, String> submitterByKey;

    public SubmitterAuthenticator(Map<String, String> submitterByKey) {
        this.submitterByKey = Map.copyOf(submitterByKey);
    }

    public boolean isOpen() {
        return submitterByKey.isEmpty();
    }

    public Optional<String> submitterOf(String authorization) {
        if (isOpen()) {
            return Optional.of(ANONYMOUS);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        String found = null;
        // compare against every key in constant time so timing does not reveal a prefix
        for (Map.Entry<String, String> e : submitterByKey.entrySet()) {
            if (MessageDigest.isEqual(presented, e.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }
}
