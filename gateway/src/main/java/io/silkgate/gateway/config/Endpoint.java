package io.silkgate.gateway.config;

import java.net.URI;
import java.util.Objects;

/** Where and over which protocol a partner receives its documents. */
public record Endpoint(EndpointType type, URI url) {

    public Endpoint {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
    }
}
