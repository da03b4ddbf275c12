package io.silkgate.gateway.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A system allowed to submit documents, how it authenticates, and the parties it may submit for.
 *
 * @param apiKey            the SHA-256 of the bearer key of {@code api-key-file}; null if it uses only a certificate
 * @param clientCertificate PEM certificate for mutual TLS; null if it uses only an API key
 * @param parties           parties written {@code scheme:identifier}
 * @param rateLimit         its own limit; null: {@code gateway.rate-limit}
 * @param readRateLimit     its own limit of reads (GET, HEAD); null: {@code gateway.read-rate-limit}
 * @param destinations      the partner ids it may send to; empty: any partner
 */
public record Submitter(String id, ApiKeyHash apiKey, Path clientCertificate, List<String> parties,
                        RateLimit rateLimit, List<String> destinations,
                        RateLimit readRateLimit) {

    public Submitter {
        Objects.requireNonNull(id, "id");
        parties = List.copyOf(parties);
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
    }
}
