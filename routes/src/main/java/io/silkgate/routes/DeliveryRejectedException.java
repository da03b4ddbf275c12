package io.silkgate.routes;

/**
 * The partner answered with a final, authenticated refusal (e.g. a signed PINT BENV, BSIG or DISE): the delivery is
 * dead-lettered at once with the reason, without the broker's retries. The message is acknowledged rather than
 * moved to the dead-letter queue, since re-driving it cannot change a signed verdict.
 */
public class DeliveryRejectedException extends DeliveryFailedException {

    public DeliveryRejectedException(String message) {
        super(message);
    }
}
