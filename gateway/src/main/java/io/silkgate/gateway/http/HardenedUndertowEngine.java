package io.silkgate.gateway.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.transport.http_undertow.UndertowHTTPServerEngine;
import org.xnio.Options;

/**
 * The undertow server behind the CXF bus, with limits a public listener needs and CXF does not set: time to
 * send the request headers, idle and read time-outs, header and parameter counts; plus the whole-request deadline and size backstop of {@link RequestLimits}. HTTP/2 stays off.
 */
final class HardenedUndertowEngine extends UndertowHTTPServerEngine {

    /** Request headers are small; the largest legitimate ones are a bearer key and a list of destinations. */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_HEADERS = 64;
    private static final int MAX_PARAMETERS = 32;
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(60);

    private final Duration requestTimeout;

    HardenedUndertowEngine(String host, int port, TLSServerParameters tls, Duration requestTimeout,
            long maxRequestBytes) throws GeneralSecurityException, IOException {
        super(host, port);
        this.requestTimeout = requestTimeout;
        if (tls != null) {
            setTlsServerParameters(tls);
        }
        finalizeConfig();
        setMaxIdleTime((int) requestTimeout.toMillis());
        setHandlers(List.of(new RequestLimits(requestTimeout, maxBodyBytes(maxRequestBytes))));
    }

    /**
     * Twice the largest useful request: the resources answer anything between with their own, specific
     * rejection; beyond it {@link RequestLimits} refuses to read at all (undertow's own entity limit is not
     * used: it answers a declared length beyond it with a bare 400 before any handler runs).
     */
    static long maxBodyBytes(long maxRequestBytes) {
        return 2 * maxRequestBytes;
    }

    @Override
    public Undertow.Builder decorateUndertowSocketConnection(Undertow.Builder builder) {
        return super.decorateUndertowSocketConnection(builder)
                // HTTP/1.1 only: the limits below are the HTTP/1.1 ones, and h2c brings its own attack surface
                .setServerOption(UndertowOptions.ENABLE_HTTP2, false)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT,
                        (int) Math.min(HEADER_TIMEOUT.toMillis(), requestTimeout.toMillis()))
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, (int) KEEP_ALIVE.toMillis())
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
                .setServerOption(UndertowOptions.MAX_HEADERS, MAX_HEADERS)
                .setServerOption(UndertowOptions.MAX_PARAMETERS, MAX_PARAMETERS)
                .setServerOption(UndertowOptions.MAX_COOKIES, 0)
                .setSocketOption(Options.READ_TIMEOUT, (int) requestTimeout.toMillis());
    }
}
