package io.silkgate.routes;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Route step: which partners receive the document (named by the submitter or chosen by the routing rules). */
public final class DestinationRouting implements Processor {

    private final DestinationResolver resolver;

    public DestinationRouting(DestinationResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void process(Exchange exchange) {
        IntakeContext ctx = exchange.getProperty(IntakeContext.PROPERTY, IntakeContext.class);
        ctx.routed(resolver.resolve(ctx.facts(), ctx.submission().requestedDestinations()));
    }
}
