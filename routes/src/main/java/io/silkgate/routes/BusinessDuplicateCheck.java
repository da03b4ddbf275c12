package io.silkgate.routes;

import io.silkgate.ledger.Ledger;
import io.silkgate.schemas.DocumentFacts;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Dedup step: the same business document (same issuer's id and the same bytes) is answered with its first id. */
public final class BusinessDuplicateCheck implements Processor {

    private final Ledger ledger;
    private final DuplicateAnswer duplicates;

    public BusinessDuplicateCheck(Ledger ledger, DuplicateAnswer duplicates) {
        this.ledger = ledger;
        this.duplicates = duplicates;
    }

    @Override
    public void process(Exchange exchange) {
        IntakeContext ctx = exchange.getProperty(IntakeContext.PROPERTY, IntakeContext.class);
        DocumentFacts facts = ctx.facts();
        if (facts.businessId() == null) {
            return;
        }
        ledger.findByBusinessKey(ctx.submission().submitter(), facts.documentType(), facts.businessId(), ctx.sha256())
                .ifPresent(first -> duplicates.stopWith(exchange, ctx, first));
    }
}
