package io.silkgate.gateway.jmx;

/** JMX view of one partner, {@code io.silkgate:type=Partner,name=<partner id>} (CONTRACT.md §8). */
public interface PartnerMXBean {

    /** Deliveries acknowledged by the partner (ledger, all time). */
    long getDelivered();

    /** Failed delivery attempts since this gateway started. */
    long getFailed();

    /** Deliveries now in the dead-letter queue (ledger). */
    long getDeadLettered();

    /** Deliveries queued, being delivered or waiting for a retry (ledger). */
    long getPending();

    /** ISO-8601 time of the last acknowledged delivery since start, or null. */
    String getLastDeliveryAt();

    /** Age in seconds of the oldest delivery not yet finished, or -1 when nothing is pending. */
    long getOldestPendingSeconds();

    boolean isPaused();

    boolean isCircuitOpen();

    void pause();

    void resume();

    /** Queues every dead-lettered delivery again; returns how many. */
    int redeliverDeadLetters();
}
