package io.silkgate.pint;

import java.security.PublicKey;
import java.util.Objects;
import java.util.Set;

/**
 * A public key the PINT verifier accepts signatures from.
 *
 * @param label      what reports call the signer (certificate subject, or the key id for a bare key)
 * @param kids       the {@code kid} header values that select this key
 * @param x5tS256    base64url SHA-256 of the certificate ({@code x5t#S256}); null for a bare key
 * @param publicKey  an RSA or EC key
 */
public record TrustedKey(String label, Set<String> kids, String x5tS256, PublicKey publicKey) {

    public TrustedKey {
        Objects.requireNonNull(label, "label");
        kids = Set.copyOf(kids);
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
