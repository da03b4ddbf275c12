package io.silkgate.schemas.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Opt-in: validates every UBL and CII example under the folder named by {@code -Dsilkgate.examples=DIR} with the
 * rule set its specification identifier asks for, and prints one line per file.
 */
@EnabledIfSystemProperty(named = "silkgate.examples", matches = ".+")
class InvoiceExamplesTest {

    private static final String UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static final String UBL_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static final String CII = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    private static final String RAM =
            "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

    @Test
    void validatesEveryExampleWithItsRuleSet() throws IOException {
        Path root = Path.of(System.getProperty("silkgate.examples"));
        InvoiceValidator validator = new InvoiceValidator();
        int validated = 0;
        int passed = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        for (Path file : files) {
            String name = root.relativize(file).toString();
            Document document = SecureXml.parse(Files.readAllBytes(file));
            Optional<String> format = formatOf(document);
            if (format.isEmpty()) {
                System.out.printf("SKIP %-12s %s (no matching rule set)%n", "-", name);
                continue;
            }
            long start = System.nanoTime();
            List<Problem> problems = validator.validate(format.get(), document);
            long millis = (System.nanoTime() - start) / 1_000_000;
            validated++;
            if (problems.isEmpty()) {
                passed++;
                System.out.printf("OK   %-12s %s (%d ms)%n", format.get(), name, millis);
            } else {
                System.out.printf("FAIL %-12s %s (%d ms): %d problem(s): %s%n", format.get(), name, millis,
                        problems.size(), problems.stream().limit(5)
                                .map(p -> p.location() + " " + abbreviate(p.message()))
                                .collect(Collectors.joining(" | ")));
            }
        }
        System.out.printf("%d of %d validated examples pass (%d files, %d without a rule set)%n", passed, validated,
                files.size(), files.size() - validated);
        assertTrue(validated > 0, "no UBL or CII example found under " + root);
    }

    private static Optional<String> formatOf(Document document) {
        Element root = document.getDocumentElement();
        String namespace = String.valueOf(root.getNamespaceURI());
        if (namespace.equals(UBL_INVOICE) || namespace.equals(UBL_CREDIT_NOTE)) {
            return ublFormat(firstText(root, CBC, "CustomizationID"));
        }
        if (namespace.equals(CII) && ciiGuideline(root).startsWith("urn:cen.eu:en16931:2017")) {
            return Optional.of("cii");
        }
        return Optional.empty();
    }

    private static Optional<String> ublFormat(String customization) {
        for (String country : List.of("sg", "my", "ae")) {
            if (customization.startsWith("urn:peppol:pint:") && customization.contains("@" + country + "-1")) {
                return Optional.of("pint-" + country);
            }
        }
        if (customization.contains("urn:fdc:peppol.eu:2017:poacc:billing:3.0")) {
            return Optional.of("peppol-bis3");
        }
        if (customization.startsWith("urn:cen.eu:en16931:2017")) {
            return Optional.of("ubl");
        }
        return Optional.empty();
    }

    private static String ciiGuideline(Element root) {
        Node guideline = root.getElementsByTagNameNS(RAM, "GuidelineSpecifiedDocumentContextParameter").item(0);
        return guideline instanceof Element element ? firstText(element, RAM, "ID") : "";
    }

    private static String firstText(Element root, String namespace, String localName) {
        Node node = root.getElementsByTagNameNS(namespace, localName).item(0);
        return node == null ? "" : node.getTextContent().trim();
    }

    private static String abbreviate(String message) {
        return message.length() > 120 ? message.substring(0, 120) + "…" : message;
    }
}
