package io.silkgate.gateway.jmx;

import io.silkgate.gateway.config.JmxSettings;
import io.silkgate.gateway.config.TlsSettings;
import io.silkgate.gateway.tls.TlsPolicy;
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
import javax.management.remote.JMXPrincipal;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.management.remote.rmi.RMIJRMPServerImpl;
import javax.net.ssl.SSLContext;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import javax.rmi.ssl.SslRMIServerSocketFactory;
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

    /** @param tls the gateway's TLS key: with it, registry and connector speak only TLS (null: plain RMI) */
    public RemoteJmx(String host, JmxSettings settings, TlsSettings tls) {
        String address = "0.0.0.0".equals(host) ? "localhost" : host;
        Map<String, Object> env = new HashMap<>();
        SslRMIClientSocketFactory clientSockets = null;
        SslRMIServerSocketFactory serverSockets = null;
        if (tls != null) {
            SSLContext context = TlsPolicy.serverContext(tls, null);
            clientSockets = new SslRMIClientSocketFactory();
            serverSockets = new SslRMIServerSocketFactory(context, TlsPolicy.cipherSuites(context),
                    TlsPolicy.protocols(context), false);
        }
        env.put("jmx.remote.rmi.server.credentials.filter.pattern", "java.lang.String;java.lang.String[];!*");
        if (settings.user() != null) {
            env.put(JMXConnectorServer.AUTHENTICATOR, authenticator(settings));
        } else {
            LOG.warn("gateway.jmx has no user: remote JMX on port {} is open to anyone who reaches it",
                    settings.port());
        }
        try {
            registry = tls == null ? LocateRegistry.createRegistry(settings.port())
                    : LocateRegistry.createRegistry(settings.port(), clientSockets, serverSockets);
            // the connector's own server object, so that its stub can be bound in-process: a bind through JNDI
            // would be a TLS client of our own registry, checking our certificate against the JDK's trust store
            RMIJRMPServerImpl rmiServer = new RMIJRMPServerImpl(settings.port(), clientSockets, serverSockets, env);
            server = new RMIConnectorServer(new JMXServiceURL("service:jmx:rmi://" + address + ":" + settings.port()),
                    env, rmiServer, ManagementFactory.getPlatformMBeanServer());
            server.start();
            registry.bind("jmxrmi", rmiServer.toStub());
            LOG.info("remote JMX on service:jmx:rmi:///jndi/rmi://{}:{}/jmxrmi{}", address, settings.port(),
                    tls == null ? "" : " (TLS)");
        } catch (java.rmi.AlreadyBoundException e) {
            throw new IllegalStateException("gateway.jmx.port: " + e.getMessage(), e);
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
