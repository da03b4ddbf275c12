package io.silkgate.routes;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.UblSchemaValidator;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Validate step: the document against its format's XSD. */
public final class SchemaValidation implements Processor {

    private final UblSchemaValidator ubl;

    public SchemaValidation(UblSchemaValidator ubl) {
        this.ubl = ubl;
    }

    @Override
    public void process(Exchange exchange) {
        IntakeContext ctx = exchange.getProperty(IntakeContext.PROPERTY, IntakeContext.class);
        List<Problem> problems = ubl.validate(ctx.document().getDocumentElement());
        if (!problems.isEmpty()) {
            throw new DocumentRejectedException(ErrorCode.SCHEMA_INVALID,
                    "the document is not valid UBL 2.1: " + problems.get(0).message(), problems);
        }
    }
}
