package io.silkgate.gateway.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * HTTPS for the gateway's own listener.
 *
 * @param clientAuth {@code need}, {@code want} or {@code none}: whether submitters present client certificates
 */
public record TlsSettings(Path keystore, Secret password, String clientAuth) {

    public TlsSettings {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(clientAuth, "clientAuth");
    }
}
