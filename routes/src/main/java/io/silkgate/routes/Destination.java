package io.silkgate.routes;

/** One partner a document will be delivered to, and the format that partner receives. */
public record Destination(String partner, String format) {
}
