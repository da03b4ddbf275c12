package io.silkgate.gateway.http;

import java.time.Duration;
import java.util.Objects;
import org.apache.cxf.configuration.jsse.TLSServerParameters;

/**
 * How the one HTTP listener of the gateway listens.
 *
 * @param tls             null: plain HTTP
 * @param requestTimeout  the longest a request may take to arrive
 * @param maxRequestBytes the largest request body undertow reads at all (the document limit plus its encoding)
 */
public record ListenerSettings(String host, int port, TLSServerParameters tls, Duration requestTimeout,
                               long maxRequestBytes) {

    public ListenerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    public String scheme() {
        return tls == null ? "http" : "https";
    }
}
