package io.silkgate.schemas.ubl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.UblSchemaValidator;
import io.silkgate.schemas.en16931.Invoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.w3c.dom.Element;

/**
 * Opt-in: round-trips every UBL Invoice / CreditNote under the folder named by the system property
 * {@code silkgate.examples} (e.g. {@code -Dsilkgate.examples=/path/to/einvoice-examples}). Nothing is read otherwise.
 */
@Tag("examples")
@EnabledIfSystemProperty(named = "silkgate.examples", matches = ".+")
class UblExamplesRoundTripTest {

    private static final UblSchemaValidator XSD = new UblSchemaValidator();

    @TestFactory
    Stream<DynamicTest> everyUblExampleRoundTrips() throws IOException {
        Path folder = Path.of(System.getProperty("silkgate.examples"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        List<Path> ubl = files.stream().filter(UblExamplesRoundTripTest::isUbl).toList();
        assertFalse(ubl.isEmpty(), "no UBL examples under " + folder);
        return ubl.stream().map(file -> DynamicTest.dynamicTest(folder.relativize(file).toString(),
                () -> roundTrip(file)));
    }

    private static boolean isUbl(Path file) {
        try {
            String ns = SecureXml.parse(Files.readAllBytes(file)).getDocumentElement().getNamespaceURI();
            return UblInvoiceReader.INVOICE_NS.equals(ns) || UblInvoiceReader.CREDIT_NOTE_NS.equals(ns);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void roundTrip(Path file) throws IOException {
        UblInvoiceReader reader = new UblInvoiceReader();
        Invoice first = reader.read(SecureXml.parse(Files.readAllBytes(file)).getDocumentElement());
        UblProfile profile = profileFor(first);
        byte[] written = new UblInvoiceWriter().write(first, profile);
        Element root = SecureXml.parse(written).getDocumentElement();
        assertEquals(List.of(), XSD.validate(root), file.toString());
        Invoice second = reader.read(root);
        Invoice expected = profile.prepare(first);
        assertEquals(expected.presentTerms(), second.presentTerms(), file.toString());
        assertEquals(expected, second, file.toString());
    }

    private static UblProfile profileFor(Invoice invoice) {
        String spec = invoice.processControl() == null ? null : invoice.processControl().specificationIdentifier();
        return UblProfile.ALL.stream().filter(p -> p.profileId() != null && p.customizationId().equals(spec))
                .findFirst().orElse(UblProfile.EN16931);
    }
}
