package io.silkgate.schemas.validation;

import com.helger.diver.api.coord.DVRCoordinate;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureXml;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A rule set backed by phive: one executor set per accepted root element (e.g. UBL Invoice and CreditNote), all taken
 * from the shared {@link PhiveRegistry}.
 */
abstract class PhiveRuleSet implements InvoiceRuleSet {

    static final String UBL_INVOICE = "{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice";
    static final String UBL_CREDIT_NOTE = "{urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2}CreditNote";
    static final String CII_INVOICE =
            "{urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}CrossIndustryInvoice";

    private final String formatId;
    private final Map<String, PhiveExecutorSetRunner> byRoot;

    /** {@code executorSets} maps a root element, written {@code {namespace}localName}, to its phive executor set. */
    PhiveRuleSet(String formatId, Map<String, DVRCoordinate> executorSets) {
        this.formatId = formatId;
        Map<String, PhiveExecutorSetRunner> runners = new LinkedHashMap<>();
        executorSets.forEach((root, id) -> runners.put(root,
                new PhiveExecutorSetRunner(PhiveRegistry.executorSet(id))));
        this.byRoot = Collections.unmodifiableMap(runners);
    }

    /** UBL profiles: the Invoice and CreditNote executor sets of one rule release. */
    static Map<String, DVRCoordinate> ubl(DVRCoordinate invoice, DVRCoordinate creditNote) {
        Map<String, DVRCoordinate> sets = new LinkedHashMap<>();
        sets.put(UBL_INVOICE, invoice);
        sets.put(UBL_CREDIT_NOTE, creditNote);
        return sets;
    }

    @Override
    public final String formatId() {
        return formatId;
    }

    @Override
    public final List<Problem> validate(Document document) {
        Objects.requireNonNull(document, "document");
        Element root = document.getDocumentElement();
        if (root == null) {
            return List.of(Problem.of(ErrorCode.SCHEMA_INVALID, "the document has no root element"));
        }
        PhiveExecutorSetRunner runner = byRoot.get(rootKey(root));
        if (runner == null) {
            return List.of(Problem.at(ErrorCode.SCHEMA_INVALID, "root element " + rootKey(root) + " is not a "
                    + formatId + " document; expected one of " + byRoot.keySet(), "/" + root.getNodeName()));
        }
        return runner.run(document);
    }

    @Override
    public final void prewarm() {
        byRoot.forEach((root, runner) -> runner.prewarm(skeleton(root)));
    }

    /** The phive executor set ids this rule set uses, by root element. */
    final Map<String, String> executorSetIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        byRoot.forEach((root, runner) -> ids.put(root, runner.vesId()));
        return ids;
    }

    // An empty root element: enough for a dry run through every layer of an executor set.
    private static Document skeleton(String rootKey) {
        int end = rootKey.indexOf('}');
        Document document = SecureXml.newBuilder().newDocument();
        document.appendChild(document.createElementNS(rootKey.substring(1, end), rootKey.substring(end + 1)));
        return document;
    }

    private static String rootKey(Element root) {
        String namespace = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
        String name = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
        return "{" + namespace + "}" + name;
    }
}
