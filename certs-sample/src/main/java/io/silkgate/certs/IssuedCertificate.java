package io.silkgate.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/** A certificate with its private key and its chain, leaf first, up to and including the root. */
public record IssuedCertificate(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    public IssuedCertificate {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("the chain must start with the certificate itself");
        }
    }
}
