package io.silkgate.gateway.jmx;

import io.silkgate.gateway.config.JmxSettings;
import java.io.IOException;
import java.util.HashMap;
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

    public JolokiaEndpoint(String host, JmxSettings settings) {
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
        try {
            server = new JolokiaServer(new JolokiaServerConfig(cfg));
        } catch (IOException e) {
            throw new IllegalStateException("gateway.jolokia.port: cannot open Jolokia on " + settings.port() + ": "
                    + e.getMessage(), e);
        }
        server.start();
        LOG.info("Jolokia (JMX over HTTP) on {}", server.getUrl());
    }

    @Override
    public void close() {
        server.stop();
    }
}
