package io.silkgate.gateway.jmx;

import io.silkgate.gateway.config.JmxSettings;
import io.silkgate.gateway.config.TlsSettings;
import io.silkgate.gateway.tls.TlsPolicy;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jolokia.jvmagent.JolokiaServer;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JMX over HTTP with Jolokia (for Hawtio and scripts) on {@code gateway.jolokia.port}, behind HTTP basic
 * authentication. The JSR-160 proxy and network discovery are not on the class path: the gateway must not be
 * a relay to other JMX servers or announce itself.
 */
public final class JolokiaEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JolokiaEndpoint.class);

    private final JolokiaServer server;

    /** @param tls the gateway's TLS key: with it, Jolokia answers only HTTPS (null: plain HTTP) */
    public JolokiaEndpoint(String host, JmxSettings settings, TlsSettings tls) {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("host", host);
        cfg.put("port", Integer.toString(settings.port()));
        cfg.put("agentContext", "/jolokia");
        cfg.put("user", settings.user());
        cfg.put("password", settings.password().value());
        cfg.put("authMode", "basic");
        cfg.put("discoveryEnabled", "false");
        cfg.put("includeStackTrace", "false");
        cfg.put("serializeException", "false");
        if (tls != null) {
            cfg.put("protocol", "https");
            cfg.put("keystore", tls.keystore().toString());
            cfg.put("keystorePassword", tls.password().value());
            cfg.put("keyStoreType", "PKCS12");
            // Jolokia reads lists as key, key.1, key.2, ...
            putList(cfg, "sslProtocol", TlsPolicy.PROTOCOLS);
            putList(cfg, "sslCipherSuite", List.of(TlsPolicy.cipherSuites(TlsPolicy.serverContext(tls, null))));
        }
        try {
            server = new JolokiaServer(new JolokiaServerConfig(cfg));
        } catch (IOException e) {
            throw new IllegalStateException("gateway.jolokia.port: cannot open Jolokia on " + settings.port() + ": "
                    + e.getMessage(), e);
        }
        server.start();
        LOG.info("Jolokia (JMX over HTTP) on {}", server.getUrl());
    }

    private static void putList(Map<String, String> cfg, String key, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            cfg.put(i == 0 ? key : key + "." + i, values.get(i));
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
