package io.silkgate.gateway.cli;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.net.ssl.SSLContext;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code silkgate partners}: an operator's view and controls of the partners of a running gateway, over JMX. */
@Command(name = "partners", mixinStandardHelpOptions = true,
        description = "List partners of a running gateway, or pause, resume or redeliver one (remote JMX).")
final class PartnersCommand implements Callable<Integer> {

    @Option(names = "--jmx", required = true, paramLabel = "HOST:PORT", description = "the gateway's gateway.jmx port")
    String jmx;

    @Option(names = "--user", paramLabel = "USER")
    String user;

    @Option(names = "--tls-trust", paramLabel = "PEM",
            description = "the gateway runs gateway.tls: speak TLS to JMX and trust the CA certificate(s) in PEM")
    private java.nio.file.Path tlsTrust;

    @Option(names = "--password-env", paramLabel = "NAME", defaultValue = "SILKGATE_JMX_PASSWORD",
            description = "environment variable holding the JMX password (default: ${DEFAULT-VALUE})")
    String passwordEnv;

    @Parameters(index = "0", paramLabel = "list|pause|resume|redeliver", defaultValue = "list")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PARTNER")
    String partner;

    @Override
    public Integer call() throws IOException, JMException {
        if (!Set.of("list", "pause", "resume", "redeliver").contains(action)) {
            throw new SilkgateCommand.UsageException("unknown action '" + action
                    + "'; use list, pause, resume or redeliver");
        }
        if (!"list".equals(action) && partner == null) {
            throw new SilkgateCommand.UsageException(action + " needs a partner id");
        }
        Map<String, Object> env = new HashMap<>();
        if (user != null) {
            String password = System.getenv(passwordEnv);
            if (password == null) {
                throw new SilkgateCommand.UsageException("--user given but $" + passwordEnv + " is not set");
            }
            env.put(JMXConnector.CREDENTIALS, new String[] {user, password});
        }
        if (tlsTrust != null) {
            // the RMI TLS socket factory always uses the default context: make it one that trusts --tls-trust
            SSLContext.setDefault(TlsClient.trusting(tlsTrust));
            env.put("com.sun.jndi.rmi.factory.socket", new SslRMIClientSocketFactory());
        }
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + jmx + "/jmxrmi");
        try (JMXConnector connector = connect(url, env)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            if ("list".equals(action)) {
                return list(server);
            }
            ObjectName name = new ObjectName("io.silkgate:type=Partner,name=" + partner);
            if (!server.isRegistered(name)) {
                throw new SilkgateCommand.UsageException("no partner '" + partner + "' in this gateway");
            }
            String operation = "redeliver".equals(action) ? "redeliverDeadLetters" : action;
            Object result = server.invoke(name, operation, new Object[0], new String[0]);
            System.out.println(partner + ": " + action + (result == null ? "" : " → " + result + " deliveries"));
            return SilkgateCommand.OK;
        }
    }

    private static JMXConnector connect(JMXServiceURL url, Map<String, Object> env) {
        try {
            return JMXConnectorFactory.connect(url, env);
        } catch (SecurityException e) {
            throw new SilkgateCommand.UsageException("JMX refused the credentials: " + e.getMessage());
        } catch (IOException e) {
            throw new SilkgateCommand.UsageException("cannot reach the gateway's JMX at " + url + ": " + e.getMessage());
        }
    }

    private static int list(MBeanServerConnection server) throws IOException, JMException {
        String format = "%-24s %9s %7s %13s %8s %-7s %-8s %s%n";
        System.out.printf(format, "partner", "delivered", "failed", "dead-lettered", "pending", "paused", "circuit",
                "last delivery");
        Set<ObjectName> names = new TreeSet<>(server.queryNames(new ObjectName("io.silkgate:type=Partner,*"), null));
        for (ObjectName n : names) {
            System.out.printf(format, n.getKeyProperty("name"), server.getAttribute(n, "Delivered"),
                    server.getAttribute(n, "Failed"), server.getAttribute(n, "DeadLettered"),
                    server.getAttribute(n, "Pending"), server.getAttribute(n, "Paused"),
                    Boolean.TRUE.equals(server.getAttribute(n, "CircuitOpen")) ? "open" : "closed",
                    server.getAttribute(n, "LastDeliveryAt"));
        }
        return SilkgateCommand.OK;
    }
}
