package io.silkgate.routes;

import java.time.Duration;

/** Told of every delivery outcome, for metrics. */
public interface DeliveryObserver {

    /** The partner acknowledged; {@code sinceReceived} runs from the document's acceptance. */
    void delivered(String partner, Duration sinceReceived);

    /** An attempt failed; {@code deadLettered} when it was the last one. */
    void failed(String partner, boolean deadLettered);

    DeliveryObserver NONE = new DeliveryObserver() {
        @Override
        public void delivered(String partner, Duration sinceReceived) {
        }

        @Override
        public void failed(String partner, boolean deadLettered) {
        }
    };
}
