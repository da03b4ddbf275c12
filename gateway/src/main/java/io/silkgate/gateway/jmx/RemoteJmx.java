package io.silkgate.gateway.jmx;

import io.silkgate.gateway.config.JmxSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXPrincipal;
import javax.management.remote.JMXServiceURL;
import javax.security.auth.Subject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote JMX on {@code gateway.jmx.port} (registry and connector on the one port, so one firewall rule), with
 * user and password when configured. Only strings are accepted as credentials, so a client cannot make the
 * server deserialise anything else before it is authenticated.
 */
public final class RemoteJmx implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJmx.class);

    private final Registry registry;
    private final JMXConnectorServer server;

    public RemoteJmx(String host, JmxSettings settings) {
        String address = "0.0.0.0".equals(host) ? "localhost" : host;
        Map<String, Object> env = new HashMap<>();
        env.put("jmx.remote.rmi.server.credentials.filter.pattern", "java.lang.String;java.lang.String[];!*");
        if (settings.user() != null) {
            env.put(JMXConnectorServer.AUTHENTICATOR, authenticator(settings));
        } else {
            LOG.warn("gateway.jmx has no user: remote JMX on port {} is open to anyone who reaches it",
                    settings.port());
        }
        try {
            registry = LocateRegistry.createRegistry(settings.port());
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://" + address + ":" + settings.port()
                    + "/jndi/rmi://" + address + ":" + settings.port() + "/jmxrmi");
            server = JMXConnectorServerFactory.newJMXConnectorServer(url, env,
                    ManagementFactory.getPlatformMBeanServer());
            server.start();
            LOG.info("remote JMX on {}", url);
        } catch (IOException e) {
            throw new IllegalStateException("gateway.jmx.port: cannot open remote JMX on " + settings.port() + ": "
                    + e.getMessage(), e);
        }
    }

    private static JMXAuthenticator authenticator(JmxSettings settings) {
        byte[] user = settings.user().getBytes(StandardCharsets.UTF_8);
        byte[] password = settings.password().value().getBytes(StandardCharsets.UTF_8);
        return credentials -> {
            if (credentials instanceof String[] pair && pair.length == 2 && pair[0] != null && pair[1] != null
                    && MessageDigest.isEqual(user, pair[0].getBytes(StandardCharsets.UTF_8))
                    & MessageDigest.isEqual(password, pair[1].getBytes(StandardCharsets.UTF_8))) {
                return new Subject(true, Set.of(new JMXPrincipal(pair[0])), Set.of(), Set.of());
            }
            throw new SecurityException("invalid JMX credentials");
        };
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            LOG.warn("remote JMX did not stop cleanly: {}", e.toString());
        }
        try {
            UnicastRemoteObject.unexportObject(registry, true);
        } catch (NoSuchObjectException e) {
            // already unexported
        }
    }
}
