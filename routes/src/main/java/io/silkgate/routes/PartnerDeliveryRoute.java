package io.silkgate.routes;

import org.apache.camel.builder.RouteBuilder;

/**
 * One partner's delivery route, id {@code deliver-<partner>}: a transacted consumer of {@code silkgate.out.<partner>}.
 * A failed attempt throws, the broker transaction rolls back and the broker redelivers with back-off, then moves
 * the message to {@code silkgate.dlq.<partner>}. Camel's own redelivery stays off so the two never stack.
 * A delivery mostly waits (partner round trip, ledger and broker commits), so the consumers grow from
 * {@code consumers} up to {@code maxConsumers} while messages wait on the queue and shrink again when it is idle.
 */
public final class PartnerDeliveryRoute extends RouteBuilder {

    private final DeliveryTarget target;
    private final PartnerDelivery delivery;
    private final int consumers;
    private final int maxConsumers;

    public PartnerDeliveryRoute(DeliveryTarget target, PartnerDelivery delivery, int consumers, int maxConsumers) {
        if (consumers < 1 || maxConsumers < consumers) {
            throw new IllegalArgumentException("consumers must be 1 <= min <= max: " + consumers + ", " + maxConsumers);
        }
        this.target = target;
        this.delivery = delivery;
        this.consumers = consumers;
        this.maxConsumers = maxConsumers;
    }

    public static String routeId(String partner) {
        return "deliver-" + partner;
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());
        // lazyCreateTransactionManager=false keeps one cached connection and uses local session transactions
        from("jms:queue:" + QueuedDelivery.queueOf(target.partner())
                + "?transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers=" + consumers + "&maxConcurrentConsumers=" + maxConsumers
                + "&acceptMessagesWhileStopping=false")
                .routeId(routeId(target.partner()))
                .process(delivery).id("deliver-" + target.partner() + "-send");
    }
}
