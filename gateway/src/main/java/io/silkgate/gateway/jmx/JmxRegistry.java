package io.silkgate.gateway.jmx;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Registers the gateway's own MBeans under {@code io.silkgate} and removes them again at stop. */
public final class JmxRegistry implements AutoCloseable {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<ObjectName> registered = new ArrayList<>();

    public static ObjectName intakeName() {
        return name("io.silkgate:type=Intake");
    }

    public static ObjectName nodeName() {
        return name("io.silkgate:type=Node");
    }

    public static ObjectName trustName() {
        return name("io.silkgate:type=Trust");
    }

    public static ObjectName partnerName(String partner) {
        // partner ids are [a-z0-9._-], which need no quoting in an ObjectName
        return name("io.silkgate:type=Partner,name=" + partner);
    }

    public synchronized void register(Object mbean, ObjectName name) {
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(mbean, name);
            registered.add(name);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register MBean " + name, e);
        }
    }

    @Override
    public synchronized void close() {
        for (ObjectName n : registered) {
            try {
                server.unregisterMBean(n);
            } catch (JMException e) {
                // already gone: nothing to clean up
            }
        }
        registered.clear();
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
