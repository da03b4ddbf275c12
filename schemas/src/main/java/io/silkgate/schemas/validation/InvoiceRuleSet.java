package io.silkgate.schemas.validation;

import io.silkgate.schemas.Problem;
import java.util.List;
import org.w3c.dom.Document;

/**
 * The syntax and business rules of one invoice format, found through {@link java.util.ServiceLoader}: a new
 * national format brings its own rule set without edits to the routes.
 */
public interface InvoiceRuleSet {

    /** The catalogue id this rule set checks, e.g. {@code ubl} or {@code vn-tt78}. */
    String formatId();

    /**
     * Every problem of the document: {@code SCHEMA_INVALID} for syntax (XSD) errors, {@code RULES_INVALID} for
     * business rule failures with the rule id (e.g. {@code BR-CO-16}) as location; warnings are not returned here.
     * The document is not modified.
     */
    List<Problem> validate(Document document);

    /** Loads and compiles everything the first validation would, so that it costs no more than any other. */
    void prewarm();
}
