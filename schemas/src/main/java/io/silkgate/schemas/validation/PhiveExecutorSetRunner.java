package io.silkgate.schemas.validation;

import com.helger.diagnostics.error.IError;
import com.helger.diagnostics.error.level.EErrorLevel;
import com.helger.phive.api.execute.IValidationExecutorCacheSupport;
import com.helger.phive.api.executor.IValidationExecutor;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.result.ValidationResult;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import com.helger.phive.xml.xsd.ValidationExecutorXSD;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.DomSaxReader;
import io.silkgate.schemas.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;

/**
 * Runs the layers of one phive executor set (XSD, then Schematron) on a DOM and turns their findings into
 * {@link Problem}s. Immutable once built, so one instance serves any number of threads.
 *
 * <p>phive's executors are safe for concurrent use: each call makes its own {@link Validator} from the shared,
 * thread-safe {@link Schema}, and its own Transformer from Saxon templates kept in ph-schematron's read-write-locked
 * cache. Only the input DOM is not thread-safe (Xerces may expand nodes lazily while reading), so one document must
 * not be validated from two threads at the same time.
 */
final class PhiveExecutorSetRunner {

    static final int MAX_PROBLEMS_PER_LAYER = 100;

    private static final Logger LOG = LoggerFactory.getLogger(PhiveExecutorSetRunner.class);
    private static final String CURRENT_ELEMENT_NODE = "http://apache.org/xml/properties/dom/current-element-node";
    private static final IValidityDeterminator<IValidationSourceXML> VALIDITY = IValidityDeterminator.createDefault();

    private final String vesId;
    private final List<IValidationExecutor<IValidationSourceXML>> layers;

    PhiveExecutorSetRunner(IValidationExecutorSet<IValidationSourceXML> executorSet) {
        this.vesId = executorSet.getID().getAsSingleID();
        this.layers = List.copyOf(executorSet.getAllExecutors());
    }

    /** The phive id of the executor set, e.g. {@code eu.cen.en16931:ubl:1.3.16}. */
    String vesId() {
        return vesId;
    }

    /** Schema errors if there are any (the rules are then not run), otherwise every failed rule of error level. */
    List<Problem> run(Document document) {
        long start = System.nanoTime();
        // The DOM is only read: nothing here serialises or changes it (Saxon copies it into its own tree).
        IValidationSourceXML source = new DomEventSource(vesId, document);
        List<Problem> problems = new ArrayList<>();
        for (IValidationExecutor<IValidationSourceXML> layer : layers) {
            if (layer instanceof ValidationExecutorXSD xsd) {
                List<Problem> schemaProblems = checkSchema(xsd.getSchemaProvider().get(), document);
                if (!schemaProblems.isEmpty()) {
                    problems.addAll(schemaProblems);
                    break;
                }
            } else {
                List<Problem> ruleProblems = checkRules(layer, source);
                problems.addAll(ruleProblems);
                if (!ruleProblems.isEmpty() && layer.isStopValidationOnError()) {
                    break;
                }
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {} problem(s) in {} ms", vesId, problems.size(), (System.nanoTime() - start) / 1_000_000);
        }
        return problems;
    }

    /**
     * Loads every schema, compiles every Schematron XSLT into phive's caches, then runs each layer once on
     * {@code skeleton} (an empty root element) so that the classes, JAXB contexts and Saxon structures a validation
     * needs are in place too; the findings of that dry run are meaningless and dropped.
     */
    void prewarm(Document skeleton) {
        IValidationSourceXML source = new DomEventSource(vesId + " (pre-warm)", skeleton);
        for (IValidationExecutor<IValidationSourceXML> layer : layers) {
            if (layer instanceof ValidationExecutorXSD xsd) {
                checkSchema(xsd.getSchemaProvider().get(), skeleton);
            } else {
                if (layer instanceof IValidationExecutorCacheSupport cached) {
                    cached.ensureItemIsInCache();
                }
                layer.applyValidation(source, VALIDITY, Locale.ROOT);
            }
        }
    }

    // Our own Validator rather than phive's XSD executor: a DOM carries no line numbers, so the location has to
    // come from the element being validated, which only the Validator itself can tell.
    private static List<Problem> checkSchema(Schema schema, Document document) {
        Validator validator = schema.newValidator();
        restrictExternalAccess(validator);
        List<Problem> problems = new ArrayList<>();
        int[] dropped = {0};
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                if (problems.size() < MAX_PROBLEMS_PER_LAYER) {
                    problems.add(Problem.at(ErrorCode.SCHEMA_INVALID, e.getMessage(), locationOf(e, validator)));
                } else {
                    dropped[0]++;
                }
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        try {
            validator.validate(new DOMSource(document));
        } catch (SAXException e) {
            problems.add(Problem.of(ErrorCode.SCHEMA_INVALID, e.getMessage()));
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory DOM failed", e);
        }
        if (dropped[0] > 0) {
            problems.add(Problem.of(ErrorCode.SCHEMA_INVALID, dropped[0] + " further schema errors not listed"));
        }
        return problems;
    }

    /**
     * The document as phive sees it: the DOM itself for anything that asks for the node, and for the Schematron
     * transforms a {@link DomSaxReader} over it, so that Saxon runs the rules on its own tree rather than through
     * DOM wrappers (about three times faster; measured with {@code ValidateBenchmark}).
     */
    private static final class DomEventSource extends ValidationSourceXML {
        private final Document document;

        DomEventSource(String systemId, Document document) {
            super(systemId, document, false);
            this.document = document;
        }

        @Override
        public Source getAsTransformSource() {
            return new DomSaxReader(document).asSource(getSystemID());
        }
    }

    private static List<Problem> checkRules(IValidationExecutor<IValidationSourceXML> layer,
            IValidationSourceXML source) {
        ValidationResult result = layer.applyValidation(source, VALIDITY, Locale.ROOT);
        List<Problem> problems = new ArrayList<>();
        int dropped = 0;
        for (IError error : result.getErrorList()) {
            // Warnings (and Saxon's compile-time remarks, which phive files as warnings) are not failures.
            if (!error.getErrorLevel().isGE(EErrorLevel.ERROR)) {
                continue;
            }
            if (problems.size() >= MAX_PROBLEMS_PER_LAYER) {
                dropped++;
                continue;
            }
            problems.add(toProblem(error, layer));
        }
        if (dropped > 0) {
            problems.add(Problem.of(ErrorCode.RULES_INVALID, dropped + " further rule failures not listed"));
        }
        return problems;
    }

    private static Problem toProblem(IError error, IValidationExecutor<IValidationSourceXML> layer) {
        String text = error.getErrorText(Locale.ROOT);
        if (text == null || text.isBlank()) {
            text = error.getLinkedExceptionMessage();
        }
        String ruleId = error.getErrorID();
        if (ruleId == null || ruleId.isBlank()) {
            // Not a failed assertion but the rules themselves breaking down: still a rejection, never a silent pass.
            String artefact = layer.getValidationArtefact().getRuleResourcePath();
            LOG.warn("Business rules {} could not be evaluated: {}", artefact, text);
            return Problem.at(ErrorCode.RULES_INVALID, "the business rules could not be evaluated: " + text, artefact);
        }
        String path = error.getErrorFieldName();
        String message = path == null || path.isBlank() ? text : text + " (at " + readablePath(path) + ")";
        return Problem.at(ErrorCode.RULES_INVALID, message, ruleId);
    }

    // The SVRL locations name unprefixed (default namespace) steps as ":Invoice"; drop the stray colon.
    private static String readablePath(String svrlPath) {
        return svrlPath.replace("/:", "/");
    }

    private static String locationOf(SAXParseException e, Validator validator) {
        if (e.getLineNumber() > 0) {
            return "line " + e.getLineNumber() + ", column " + e.getColumnNumber();
        }
        try {
            Object node = validator.getProperty(CURRENT_ELEMENT_NODE);
            return node instanceof Element element ? pathOf(element) : null;
        } catch (SAXNotRecognizedException | SAXNotSupportedException unsupported) {
            return null;
        }
    }

    /** An XPath to the element as the document spells it, e.g. {@code /Invoice/cac:Delivery[1]/cbc:ID[1]}. */
    static String pathOf(Element element) {
        StringBuilder path = new StringBuilder();
        Node node = element;
        while (node instanceof Element current) {
            Node parent = current.getParentNode();
            String step = current.getNodeName();
            if (parent instanceof Element) {
                step += "[" + positionAmongSameName(current) + "]";
            }
            path.insert(0, "/" + step);
            node = parent;
        }
        return path.toString();
    }

    private static int positionAmongSameName(Element element) {
        int position = 1;
        for (Node sibling = element.getPreviousSibling(); sibling != null; sibling = sibling.getPreviousSibling()) {
            if (sibling instanceof Element other && sameName(other, element)) {
                position++;
            }
        }
        return position;
    }

    private static boolean sameName(Element a, Element b) {
        return a.getLocalName() != null && a.getLocalName().equals(b.getLocalName())
                && Objects.equals(a.getNamespaceURI(), b.getNamespaceURI());
    }

    private static void restrictExternalAccess(Validator validator) {
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the XML validator cannot be restricted to local resources", e);
        }
    }
}
