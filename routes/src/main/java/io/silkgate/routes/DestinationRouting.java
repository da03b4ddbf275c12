package io.silkgate.routes;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Route step: which partners receive the document (named by the submitter or chosen by the routing rules), and
 * whether the submitter may send to them.
 */
public final class DestinationRouting implements Processor {

    private final DestinationResolver resolver;
    private final Map<String, Set<String>> destinationsBySubmitter;

    public DestinationRouting(DestinationResolver resolver) {
        this(resolver, Map.of());
    }

    /** @param destinationsBySubmitter the partners a submitter may send to; a submitter not in it may send to any */
    public DestinationRouting(DestinationResolver resolver, Map<String, Set<String>> destinationsBySubmitter) {
        this.resolver = resolver;
        this.destinationsBySubmitter = Map.copyOf(destinationsBySubmitter);
    }

    @Override
    public void process(Exchange exchange) {
        IntakeContext ctx = exchange.getProperty(IntakeContext.PROPERTY, IntakeContext.class);
        List<Destination> destinations = resolver.resolve(ctx.facts(), ctx.submission().requestedDestinations());
        String submitter = ctx.submission().submitter();
        Set<String> allowed = destinationsBySubmitter.get(submitter);
        if (allowed != null) {
            List<String> refused = destinations.stream().map(Destination::partner)
                    .filter(p -> !allowed.contains(p)).toList();
            if (!refused.isEmpty()) {
                throw new DocumentRejectedException(ErrorCode.FORBIDDEN, "submitter " + submitter
                        + " may not send to " + refused + "; it may send to " + new java.util.TreeSet<>(allowed));
            }
        }
        ctx.routed(destinations);
    }
}
