package io.silkgate.routes;

/** The broker message of one delivery: it names the ledger rows; the document itself stays in the archive. */
public record QueuedDelivery(String deliveryId, String documentId, String partner) {

    public static String queueOf(String partner) {
        return "silkgate.out." + partner;
    }

    public static String deadLetterQueueOf(String partner) {
        return "silkgate.dlq." + partner;
    }
}
