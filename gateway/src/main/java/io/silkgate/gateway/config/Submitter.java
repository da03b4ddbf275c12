package io.silkgate.gateway.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A system allowed to submit documents, how it authenticates, and the parties it may submit for.
 *
 * @param apiKey            the bearer key read from {@code api-key-file}, trimmed; null if it uses only a certificate
 * @param clientCertificate PEM certificate for mutual TLS; null if it uses only an API key
 * @param parties           parties written {@code scheme:identifier}
 */
public record Submitter(String id, Secret apiKey, Path clientCertificate, List<String> parties) {

    public Submitter {
        Objects.requireNonNull(id, "id");
        parties = List.copyOf(parties);
    }
}
