package io.silkgate.gateway.jmx;

import java.util.Map;

/** JMX view of the intake, {@code io.silkgate:type=Intake} (CONTRACT.md §8); counts since start. */
public interface IntakeMXBean {

    long getReceived();

    long getAccepted();

    long getRejected();

    long getDuplicates();

    Map<String, Long> getRejectedByCode();
}
