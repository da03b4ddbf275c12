package io.silkgate.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.DocumentFacts;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.verify.VerificationResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class DestinationRoutingTest {

    // the routing rules send every document to both partners, or to the ones the submitter names
    private static final DestinationResolver BOTH = (facts, requested) -> (requested.isEmpty()
            ? List.of("vn-customs", "vn-buyer") : requested).stream().map(p -> new Destination(p, "ubl")).toList();

    @Test
    void aSubmitterWithoutDestinationRulesMaySendAnywhere() {
        IntakeContext ctx = route(new DestinationRouting(BOTH, Map.of("acme", Set.of("vn-customs"))), "other",
                List.of());
        assertEquals(List.of("vn-customs", "vn-buyer"), ctx.destinations().stream().map(Destination::partner).toList());
    }

    @Test
    void aSubmitterMaySendToItsOwnDestinations() {
        IntakeContext ctx = route(new DestinationRouting(BOTH, Map.of("acme", Set.of("vn-customs"))), "acme",
                List.of("vn-customs"));
        assertEquals(List.of(new Destination("vn-customs", "ubl")), ctx.destinations());
    }

    @Test
    void aDestinationTheSubmitterMayNotSendToIsForbiddenAndNothingIsRouted() {
        DestinationRouting step = new DestinationRouting(BOTH, Map.of("acme", Set.of("vn-customs")));
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> route(step, "acme", List.of()));
        assertEquals(ErrorCode.FORBIDDEN, e.code());
        assertTrue(e.getMessage().contains("[vn-buyer]"), e.getMessage());
    }

    private static IntakeContext route(DestinationRouting step, String submitter, List<String> requested) {
        IntakeContext ctx = new IntakeContext(new Submission(new byte[] {1}, "application/xml", submitter, null,
                requested, null));
        ctx.verified(new VerificationResult(List.of(), List.of(), null),
                new DocumentFacts("ubl", "invoice", "INV-1", "CN", "VN", List.of("VA:CN1")), null);
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(IntakeContext.PROPERTY, ctx);
        step.process(exchange);
        return ctx;
    }
}
