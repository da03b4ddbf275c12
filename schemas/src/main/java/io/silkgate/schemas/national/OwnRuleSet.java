package io.silkgate.schemas.national;

import io.silkgate.schemas.Problem;
import io.silkgate.schemas.validation.InvoiceRuleSet;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The shape every rule set of our own national formats shares: our XSD first; business rules only on a document
 * with the expected root, reported together with any schema errors.
 */
public abstract class OwnRuleSet implements InvoiceRuleSet {

    private final OwnSchema schema;

    protected OwnRuleSet(OwnSchema schema) {
        this.schema = schema;
    }

    @Override
    public final void prewarm() {
        schema.schema();
    }

    @Override
    public final List<Problem> validate(Document document) {
        List<Problem> schemaProblems = schema.validate(document);
        Element root = document.getDocumentElement();
        if (!schema.hasExpectedRoot(root)) {
            return schemaProblems;
        }
        RuleReport report = new RuleReport();
        checkRules(root, report);
        List<Problem> all = new ArrayList<>(schemaProblems);
        all.addAll(report.problems());
        return all;
    }

    /** The format's business rules on a document whose root is the expected one. */
    protected abstract void checkRules(Element root, RuleReport report);
}
