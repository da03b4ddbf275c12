package io.silkgate.schemas.cii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.validation.InvoiceValidator;
import io.silkgate.schemas.en16931.ConversionResult;
import io.silkgate.schemas.en16931.DocumentTotals;
import io.silkgate.schemas.en16931.DroppedTerm;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.SingaporeGst;
import io.silkgate.schemas.en16931.InvoiceConverter;
import io.silkgate.schemas.en16931.InvoiceLine;
import io.silkgate.schemas.ubl.UblInvoiceFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Opt-in: converts every CII example of a public corpus to UBL and every UBL example to CII, and checks that each
 * carried term arrives. Runs only when the system property {@code silkgate.examples} names the corpus folder, e.g.
 * {@code -Dsilkgate.examples=/path/to/einvoice-examples}; the corpus is never part of the repository.
 */
@EnabledIfSystemProperty(named = "silkgate.examples", matches = ".*\\S.*",
        disabledReason = "set -Dsilkgate.examples=<folder> to convert a public example corpus")
class CiiExamplesConversionTest {

    private static final String PROPERTY = "silkgate.examples";
    private static final String UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static final String UBL_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    private final InvoiceConverter converter =
            new InvoiceConverter(List.of(new CiiInvoiceFormat(), new UblInvoiceFormat.Ubl()));

    @TestFactory
    Stream<DynamicTest> everyExampleConvertsWithItsCarriedTerms() {
        List<Path> files = corpus();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            Element root = SecureXml.parse(read(file)).getDocumentElement();
            if (CiiSyntax.isCii(root)) {
                tests.add(dynamicTest("cii→ubl " + file.getFileName(), () -> convertAndCheck(root, "cii", "ubl")));
            } else if (UBL_INVOICE.equals(root.getNamespaceURI()) || UBL_CREDIT_NOTE.equals(root.getNamespaceURI())) {
                tests.add(dynamicTest("ubl→cii " + file.getFileName(), () -> convertAndCheck(root, "ubl", "cii")));
            }
        }
        assertTrue(tests.size() > 0, "no CII or UBL example under " + System.getProperty(PROPERTY));
        return tests.stream();
    }

    /**
     * The issue's acceptance check: every example that is itself EN 16931-valid converts to the other syntax with
     * output that passes EN 16931 validation (XSD and Schematron) with zero errors.
     */
    @TestFactory
    Stream<DynamicTest> everyValidExampleConvertsToValidOutput() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : corpus()) {
            Document doc = SecureXml.parse(read(file));
            Element root = doc.getDocumentElement();
            String from = CiiSyntax.isCii(root) ? "cii"
                    : UBL_INVOICE.equals(root.getNamespaceURI()) || UBL_CREDIT_NOTE.equals(root.getNamespaceURI())
                            ? "ubl" : null;
            if (from == null) {
                continue;
            }
            String to = from.equals("cii") ? "ubl" : "cii";
            tests.add(dynamicTest(from + "→" + to + " valid " + file.getFileName(), () -> {
                List<Problem> sourceProblems = VALIDATOR.validate(from, doc);
                Assumptions.assumeTrue(sourceProblems.isEmpty(), "the example itself is not valid " + from + ": "
                        + (sourceProblems.isEmpty() ? "" : sourceProblems.get(0)));
                ConversionResult result = converter.convert(root, from, to);
                List<Problem> outputProblems = VALIDATOR.validate(to, SecureXml.parse(result.document()));
                assertEquals(List.of(), outputProblems, "converted " + file.getFileName() + " to " + to);
            }));
        }
        return tests.stream();
    }

    private static final InvoiceValidator VALIDATOR = new InvoiceValidator();

    @TestFactory
    Stream<DynamicTest> bothSyntaxesOfAPairGiveTheSameInvoice() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path cii : corpus()) {
            String name = cii.getFileName().toString();
            Path ubl = cii.resolveSibling(name.replace(".cii.xml", ".ubl.xml"));
            if (name.endsWith(".cii.xml") && Files.exists(ubl)) {
                tests.add(dynamicTest(name.replace(".cii.xml", ""), () -> {
                    Invoice fromCii = new CiiInvoiceReader().read(SecureXml.parse(read(cii)).getDocumentElement());
                    Invoice fromUbl = new UblInvoiceFormat.Ubl().read(SecureXml.parse(read(ubl)).getDocumentElement());
                    // the pairs were written independently: compare the figures, not how many decimals they show
                    assertEquals(fromUbl.invoiceNumber(), fromCii.invoiceNumber());
                    assertEquals(fromUbl.issueDate(), fromCii.issueDate());
                    assertEquals(fromUbl.typeCode(), fromCii.typeCode());
                    assertEquals(fromUbl.currencyCode(), fromCii.currencyCode());
                    assertTrue(equalAmounts(totals(fromUbl), totals(fromCii)),
                            totals(fromUbl) + " / " + totals(fromCii));
                    assertTrue(equalAmounts(lineAmounts(fromUbl), lineAmounts(fromCii)),
                            lineAmounts(fromUbl) + " / " + lineAmounts(fromCii));
                }));
            }
        }
        return tests.stream();
    }

    private void convertAndCheck(Element root, String from, String to) {
        // Singapore GST categories and numbers become EN 16931 ones in any target but PINT SG
        Invoice source = SingaporeGst.toEn16931(from.equals("cii") ? new CiiInvoiceReader().read(root)
                : new UblInvoiceFormat.Ubl().read(root));

        ConversionResult result = converter.convert(root, from, to);

        // both syntaxes hold every EN 16931 term: only what the target names as a lost instance may be dropped
        List<DroppedTerm> expectedLosses = to.equals("cii") ? new CiiInvoiceFormat().droppedInstances(source)
                : List.of();
        // CII claims plain EN 16931 for a source that claims a UBL-only specification (PINT, ZATCA): the report
        // names that replaced BT-24
        List<DroppedTerm> dropped = new ArrayList<>(result.report().dropped());
        boolean specReplaced = dropped.removeIf(d -> d.term().equals("BT-24"));
        assertEquals(expectedLosses, dropped);
        String spec = source.processControl() == null ? null : source.processControl().specificationIdentifier();
        assertEquals(to.equals("cii") && spec != null && !spec.startsWith("urn:cen.eu:en16931:2017"), specReplaced);
        Element written = SecureXml.parse(result.document()).getDocumentElement();
        Invoice target = to.equals("cii") ? new CiiInvoiceReader().read(written)
                : new UblInvoiceFormat.Ubl().read(written);
        Set<String> lost = new TreeSet<>(result.report().carried());
        lost.removeAll(target.presentTerms());
        assertTrue(lost.isEmpty(), "reported as carried but absent from the " + to + " output: " + lost);
        Invoice expected = to.equals("cii") ? new CiiInvoiceFormat().prepare(source) : source;
        if (to.equals("cii") && source.precedingInvoiceReferences().size() > 1) {
            // D16B holds one preceding invoice reference; the report names the others
            assertEquals("BG-3", expectedLosses.get(0).term());
            expected = InvoiceCopies.withPrecedingReferences(expected, source.precedingInvoiceReferences().subList(0, 1));
        }
        assertEquals(expected, InvoiceCopies.withoutDerivedTerms(target, source));
    }

    private static boolean equalAmounts(List<BigDecimal> a, List<BigDecimal> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if ((a.get(i) == null) != (b.get(i) == null) || (a.get(i) != null && a.get(i).compareTo(b.get(i)) != 0)) {
                return false;
            }
        }
        return true;
    }

    private static List<BigDecimal> totals(Invoice invoice) {
        DocumentTotals totals = invoice.totals();
        return Arrays.asList(totals.sumOfInvoiceLineNetAmount(), totals.invoiceTotalAmountWithoutVat(),
                totals.invoiceTotalAmountWithVat(), totals.amountDueForPayment());
    }

    private static List<BigDecimal> lineAmounts(Invoice invoice) {
        return invoice.lines().stream().map(InvoiceLine::netAmount).toList();
    }

    private static List<Path> corpus() {
        String folder = System.getProperty(PROPERTY);
        Path root = Path.of(folder);
        Assumptions.assumeTrue(Files.isDirectory(root), PROPERTY + " is not a folder: " + folder);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
