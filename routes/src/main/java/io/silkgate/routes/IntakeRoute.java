package io.silkgate.routes;

import io.silkgate.ledger.DocumentRecord;
import io.silkgate.ledger.DocumentStatus;
import io.silkgate.ledger.Evidence;
import io.silkgate.ledger.Ledger;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.FormatCatalogue;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synchronous half of the pipeline, route id {@code intake}: parse, verify, authorise, de-duplicate, validate,
 * route, convert, accept. Its reply (an {@link IntakeOutcome}) is what the submitter is answered; a rejection is recorded in the
 * ledger and changes nothing else.
 */
public final class IntakeRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:intake";
    public static final String ROUTE_ID = "intake";
    private static final Logger LOG = LoggerFactory.getLogger(IntakeRoute.class);

    private final IntakeSteps steps;
    private final Ledger ledger;
    private final Clock clock;

    /** The processors of the intake, in pipeline order. */
    public record IntakeSteps(IntakeParser parse, SignatureCheck verify, SignerAuthorization authorizeSigner,
            SubmitterAuthorization authorize,
            BusinessDuplicateCheck deduplicate,
            InputValidation validate, DestinationRouting route, OutputConversion convert, DocumentAcceptor accept) {
    }

    public IntakeRoute(IntakeSteps steps, Ledger ledger, Clock clock) {
        this.steps = steps;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public void configure() {
        onException(DocumentRejectedException.class).handled(true).process(this::recordRejection);

        from(ENDPOINT).routeId(ROUTE_ID)
                .process(steps.parse()).id("parse")
                .process(steps.verify()).id("verify")
                .process(steps.authorizeSigner()).id("authorize-signer")
                .process(steps.authorize()).id("authorize")
                .process(steps.deduplicate()).id("deduplicate")
                .process(steps.validate()).id("validate")
                .process(steps.route()).id("route")
                .process(steps.convert()).id("convert")
                .process(steps.accept()).id("accept");
    }

    private void recordRejection(Exchange exchange) {
        DocumentRejectedException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, DocumentRejectedException.class);
        IntakeContext ctx = exchange.getProperty(IntakeContext.PROPERTY, IntakeContext.class);
        String type = ctx.facts() != null ? ctx.facts().documentType()
                : ctx.format() != null ? FormatCatalogue.require(ctx.format()).family().id() : "unknown";
        String businessId = ctx.facts() == null ? null : ctx.facts().businessId();
        // rejected before its format was known (not XML, DOCTYPE, unknown root): recorded as "unknown"
        String format = ctx.format() != null ? ctx.format() : "unknown";
        Instant now = clock.instant();
        Evidence evidence = ctx.verification() == null ? null
                : SignatureEvidence.of(ctx.id(), ctx.verification(), ctx.submission().detachedSignature(), now);
        ledger.recordRejected(new DocumentRecord(ctx.id(), ctx.submission().submitter(), format, type,
                businessId, ctx.sha256(), ctx.submission().idempotencyKey(), DocumentStatus.REJECTED, now,
                e.code().name(), VerdictText.of(ctx.verification()), false), e.code().name(), e.getMessage(), evidence);
        LOG.info("rejected document {} from {}: {} {}", ctx.id(), ctx.submission().submitter(), e.code(),
                e.getMessage());
        exchange.getMessage().setBody(IntakeOutcome.rejected(ctx.id(), ctx.format(), ctx.sha256(), e.code(),
                e.getMessage(), e.problems()));
    }
}
