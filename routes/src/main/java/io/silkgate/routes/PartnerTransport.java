package io.silkgate.routes;

/**
 * Carries one document to one partner endpoint (REST, SOAP, JMS, PINT). A transport returns only when the
 * partner acknowledged; anything else is a {@link DeliveryFailedException}, which the broker retries.
 */
@FunctionalInterface
public interface PartnerTransport {

    void send(OutboundDocument document);
}
