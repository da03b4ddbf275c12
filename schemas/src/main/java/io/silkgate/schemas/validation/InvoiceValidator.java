package io.silkgate.schemas.validation;

import io.silkgate.schemas.Problem;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * Validates invoices by format id with every {@link InvoiceRuleSet} found through {@link ServiceLoader}; safe to
 * share between threads (a single document must not be validated from two threads at once).
 */
public final class InvoiceValidator {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceValidator.class);

    private final Map<String, InvoiceRuleSet> ruleSets;

    /** Loads every registered rule set; two rule sets claiming the same format id are a packaging error. */
    public InvoiceValidator() {
        Map<String, InvoiceRuleSet> found = new TreeMap<>();
        for (InvoiceRuleSet ruleSet : ServiceLoader.load(InvoiceRuleSet.class, InvoiceValidator.class.getClassLoader())) {
            InvoiceRuleSet previous = found.putIfAbsent(ruleSet.formatId(), ruleSet);
            if (previous != null) {
                throw new IllegalStateException("two invoice rule sets claim format " + ruleSet.formatId() + ": "
                        + previous.getClass().getName() + " and " + ruleSet.getClass().getName());
            }
        }
        this.ruleSets = Collections.unmodifiableMap(found);
    }

    /**
     * Every problem of {@code document} under the rules of {@code formatId} (empty when valid); the DOM is read,
     * never modified, so a signed document stays verifiable.
     *
     * @throws IllegalArgumentException if no rule set is registered for {@code formatId}
     */
    public List<Problem> validate(String formatId, Document document) {
        Objects.requireNonNull(document, "document");
        return ruleSet(formatId).validate(document);
    }

    /** The format ids that have rule sets, in alphabetical order. */
    public Set<String> formats() {
        return ruleSets.keySet();
    }

    /** Compiles every rule set now, so that no submitter pays for it; logs how long that took. */
    public void prewarmAll() {
        long start = System.nanoTime();
        ruleSets.values().forEach(InvoiceRuleSet::prewarm);
        LOG.info("Pre-warmed {} invoice rule sets {} in {} ms", ruleSets.size(), ruleSets.keySet(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private InvoiceRuleSet ruleSet(String formatId) {
        InvoiceRuleSet ruleSet = formatId == null ? null : ruleSets.get(formatId);
        if (ruleSet == null) {
            throw new IllegalArgumentException("no invoice rules for format '" + formatId + "'; known formats: "
                    + ruleSets.keySet());
        }
        return ruleSet;
    }
}
