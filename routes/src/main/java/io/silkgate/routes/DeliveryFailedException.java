package io.silkgate.routes;

/** A delivery attempt that did not get a 2xx acknowledgement; thrown to roll the broker transaction back. */
public class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(String message) {
        super(message, null, false, false);
    }
}
