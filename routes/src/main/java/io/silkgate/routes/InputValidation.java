package io.silkgate.routes;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.bol.RuleViolation;
import io.silkgate.schemas.bol.TransportDocumentRules;
import io.silkgate.schemas.validation.InvoiceValidator;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Validate step: the submitted document against its format's schema and business rules (DCSA rules for a bill of lading). */
public final class InputValidation implements Processor {

    private final InvoiceValidator validator;

    public InputValidation(InvoiceValidator validator) {
        this.validator = validator;
    }

    @Override
    public void process(Exchange exchange) {
        IntakeContext ctx = exchange.getProperty(IntakeContext.PROPERTY, IntakeContext.class);
        if (ctx.json() != null) {
            rejectIfAny(ctx, TransportDocumentRules.check(ctx.json()).stream().map(RuleViolation::toProblem).toList());
            return;
        }
        if (!validator.formats().contains(ctx.format())) {
            return;
        }
        rejectIfAny(ctx, validator.validate(ctx.format(), ctx.document()));
    }

    private static void rejectIfAny(IntakeContext ctx, List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        boolean schema = problems.stream().anyMatch(p -> ErrorCode.SCHEMA_INVALID.name().equals(p.code()));
        ErrorCode code = schema ? ErrorCode.SCHEMA_INVALID : ErrorCode.RULES_INVALID;
        Problem first = problems.get(0);
        throw new DocumentRejectedException(code, "the document is not valid " + ctx.format() + ": "
                + (first.location() == null ? "" : "[" + first.location() + "] ") + first.message(), problems);
    }
}
