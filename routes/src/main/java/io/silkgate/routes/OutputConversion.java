package io.silkgate.routes;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Convert step: for every destination that takes another format, the document is converted now and the result
 * validated against that format's rules, so a document is only accepted when every partner can be given a valid
 * one. The conversion report goes to the ledger with the acceptance.
 */
public final class OutputConversion implements Processor {

    private final DocumentTranslator translator;

    public OutputConversion(DocumentTranslator translator) {
        this.translator = translator;
    }

    @Override
    public void process(Exchange exchange) {
        IntakeContext ctx = exchange.getProperty(IntakeContext.PROPERTY, IntakeContext.class);
        for (Destination d : ctx.destinations()) {
            if (translator.passesThrough(ctx.format(), d.format())) {
                continue;
            }
            Translation t = translator.translate(ctx.submission().body(), ctx.format(), d.format());
            List<Problem> problems = translator.validateOutput(d.format(), t.body());
            if (!problems.isEmpty()) {
                ErrorCode code = problems.stream().anyMatch(p -> ErrorCode.SCHEMA_INVALID.name().equals(p.code()))
                        ? ErrorCode.SCHEMA_INVALID : ErrorCode.RULES_INVALID;
                throw new DocumentRejectedException(code, "the document converted to " + d.format() + " for partner "
                        + d.partner() + " breaks that format's rules: " + problems.get(0).message(), problems);
            }
            ctx.converted(d.partner(), t.report());
        }
    }
}
