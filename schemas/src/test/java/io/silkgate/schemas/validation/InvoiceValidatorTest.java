package io.silkgate.schemas.validation;

import static io.silkgate.schemas.validation.ValidationSamples.CBC;
import static io.silkgate.schemas.validation.ValidationSamples.RAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.SamplePki;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureXml;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;
import org.w3c.dom.Document;

class InvoiceValidatorTest {

    private static final InvoiceValidator VALIDATOR = new InvoiceValidator();

    @Test
    void offersTheEn16931PeppolAndPintRuleSets() {
        assertTrue(VALIDATOR.formats().containsAll(Set.of("ubl", "cii", "peppol-bis3", "pint-sg", "pint-my", "pint-ae")),
                VALIDATOR.formats().toString());
    }

    @Test
    void usesTheLatestRuleReleasesShippedWithPhive() {
        assertEquals(List.of("eu.cen.en16931:ubl:1.3.16", "eu.cen.en16931:ubl-creditnote:1.3.16"),
                List.copyOf(new UblEn16931RuleSet().executorSetIds().values()));
        assertEquals(List.of("eu.cen.en16931:cii:1.3.16"), List.copyOf(new CiiEn16931RuleSet().executorSetIds().values()));
        assertEquals(List.of("eu.peppol.bis3:invoice:2026.5", "eu.peppol.bis3:creditnote:2026.5"),
                List.copyOf(new PeppolBis3RuleSet().executorSetIds().values()));
        assertEquals(List.of("org.peppol.pint.sg:invoice:1.4", "org.peppol.pint.sg:creditnote:1.4"),
                List.copyOf(new PintSgRuleSet().executorSetIds().values()));
        assertEquals(List.of("org.peppol.pint.my:invoice:1.3", "org.peppol.pint.my:creditnote:1.3"),
                List.copyOf(new PintMyRuleSet().executorSetIds().values()));
        assertEquals(List.of("org.peppol.pint.ae:invoice:2026.5", "org.peppol.pint.ae:creditnote:2026.5"),
                List.copyOf(new PintAeRuleSet().executorSetIds().values()));
    }

    @Test
    void refusesAnUnknownFormat() {
        Document invoice = ValidationSamples.parse("ubl-invoice.xml");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VALIDATOR.validate("xrechnung", invoice));
        assertTrue(e.getMessage().contains("xrechnung"), e.getMessage());
    }

    @Test
    void acceptsAValidUblInvoice() {
        assertEquals(List.of(), VALIDATOR.validate("ubl", ValidationSamples.parse("ubl-invoice.xml")));
    }

    @Test
    void reportsAWrongPayableAmountAsBrCo16() {
        Document invoice = ValidationSamples.withText("ubl-invoice.xml", CBC, "PayableAmount", "1600.00");
        List<Problem> problems = VALIDATOR.validate("ubl", invoice);
        Problem brCo16 = only(problems, "BR-CO-16");
        assertEquals("RULES_INVALID", brCo16.code());
        assertTrue(brCo16.message().contains("Amount due for payment (BT-115)"), brCo16.message());
        assertTrue(brCo16.message().contains("/Invoice[1]/cac:LegalMonetaryTotal[1]"), brCo16.message());
    }

    @Test
    void reportsSchemaErrorsAtTheElementAndSkipsTheRules() {
        Document invoice = ValidationSamples.withText("ubl-invoice.xml", CBC, "IssueDate", "2026-13-45");
        // A wrong total as well: it must not be reported, because the rules never run on a schema-invalid document.
        invoice.getElementsByTagNameNS(CBC, "PayableAmount").item(0).setTextContent("1.00");
        List<Problem> problems = VALIDATOR.validate("ubl", invoice);
        assertFalse(problems.isEmpty());
        for (Problem problem : problems) {
            assertEquals("SCHEMA_INVALID", problem.code(), problem.toString());
            assertEquals("/Invoice/cbc:IssueDate[1]", problem.location());
        }
        assertTrue(problems.get(0).message().contains("2026-13-45"), problems.get(0).message());
    }

    @Test
    void reportsAnElementOutOfPlace() {
        Document invoice = ValidationSamples.parse("ubl-invoice.xml");
        // BuyerReference moved behind the first InvoiceLine, where UBL 2.1 does not allow it
        var reference = invoice.getElementsByTagNameNS(CBC, "BuyerReference").item(0);
        invoice.getDocumentElement().appendChild(reference);
        List<Problem> problems = VALIDATOR.validate("ubl", invoice);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("SCHEMA_INVALID", problems.get(0).code());
        assertEquals("/Invoice/cbc:BuyerReference[1]", problems.get(0).location());
    }

    @Test
    void refusesAWrongRootElement() {
        List<Problem> ciiAsUbl = VALIDATOR.validate("ubl", ValidationSamples.parse("cii-invoice.xml"));
        assertEquals(1, ciiAsUbl.size(), ciiAsUbl.toString());
        assertEquals("SCHEMA_INVALID", ciiAsUbl.get(0).code());
        assertTrue(ciiAsUbl.get(0).message().contains("CrossIndustryInvoice"), ciiAsUbl.get(0).message());

        List<Problem> ublAsCii = VALIDATOR.validate("cii", ValidationSamples.parse("ubl-invoice.xml"));
        assertEquals("SCHEMA_INVALID", ublAsCii.get(0).code());
        assertEquals("/Invoice", ublAsCii.get(0).location());
    }

    @Test
    void acceptsAValidUblCreditNote() {
        assertEquals(List.of(), VALIDATOR.validate("ubl", ValidationSamples.parse("ubl-creditnote.xml")));
    }

    @Test
    void acceptsAValidCiiInvoiceAndFindsTheWrongTotalOfABrokenOne() {
        assertEquals(List.of(), VALIDATOR.validate("cii", ValidationSamples.parse("cii-invoice.xml")));

        Document broken = ValidationSamples.withText("cii-invoice.xml", RAM, "DuePayableAmount", "1600.00");
        Problem brCo16 = only(VALIDATOR.validate("cii", broken), "BR-CO-16");
        assertEquals("RULES_INVALID", brCo16.code());
    }

    @Test
    void checksThePeppolRulesOnTopOfEn16931() {
        assertEquals(List.of(), VALIDATOR.validate("peppol-bis3", ValidationSamples.parse("peppol-invoice.xml")));

        Document noProcess = ValidationSamples.without("peppol-invoice.xml", CBC, "ProfileID");
        Problem r001 = only(VALIDATOR.validate("peppol-bis3", noProcess), "PEPPOL-EN16931-R001");
        assertEquals("RULES_INVALID", r001.code());
        assertTrue(r001.message().contains("Business process MUST be provided"), r001.message());

        // valid EN 16931, but without the Peppol specification identifier
        List<Problem> plainEn16931 = VALIDATOR.validate("peppol-bis3", ValidationSamples.parse("ubl-invoice.xml"));
        assertTrue(plainEn16931.stream().anyMatch(p -> p.location().startsWith("PEPPOL-")), plainEn16931.toString());
    }

    @Test
    void acceptsAPintSingaporeInvoiceThatTheOtherPintProfilesRefuse() {
        assertEquals(List.of(), VALIDATOR.validate("pint-sg", ValidationSamples.parse("pint-sg-invoice.xml")));

        List<Problem> asMalaysian = VALIDATOR.validate("pint-my", ValidationSamples.parse("pint-sg-invoice.xml"));
        assertEquals("RULES_INVALID", only(asMalaysian, "aligned-ibrp-001-my").code());
        List<Problem> asEmirati = VALIDATOR.validate("pint-ae", ValidationSamples.parse("pint-sg-invoice.xml"));
        assertEquals("RULES_INVALID", only(asEmirati, "aligned-ibrp-001-ae").code());
    }

    @Test
    void theSampleInvoiceOfTheDemoIsEn16931Valid() {
        for (String name : List.of("invoice-cn-vn.xml", "invoice-cn-vn.signed.xml")) {
            Document sample = SecureXml.parse(SamplePki.document(name));
            assertEquals(List.of(), VALIDATOR.validate("ubl", sample), name);
        }
    }

    @Test
    void leavesASignedDocumentUntouched() {
        Document signed = SecureXml.parse(SamplePki.document("invoice-cn-vn.signed.xml"));
        Document pristine = SecureXml.parse(SamplePki.document("invoice-cn-vn.signed.xml"));
        String before = ValidationSamples.serialise(signed);
        for (String format : List.of("ubl", "peppol-bis3", "pint-sg")) {
            VALIDATOR.validate(format, signed);
        }
        assertEquals(before, ValidationSamples.serialise(signed));
        assertTrue(signed.isEqualNode(pristine), "the DOM was changed by validation");
    }

    @Test
    void logsNothingAtErrorWhenDocumentsAreBad() {
        assertTrue(RecordingLogProvider.isActive(), "the recording SLF4J binding is not the one in use");
        RecordingLogProvider.clear();
        VALIDATOR.validate("ubl", ValidationSamples.withText("ubl-invoice.xml", CBC, "IssueDate", "not-a-date"));
        VALIDATOR.validate("ubl", ValidationSamples.withText("ubl-invoice.xml", CBC, "PayableAmount", "-1"));
        VALIDATOR.validate("ubl", ValidationSamples.parse("cii-invoice.xml"));
        VALIDATOR.validate("cii", ValidationSamples.withText("cii-invoice.xml", RAM, "TypeCode", "no code"));
        VALIDATOR.validate("peppol-bis3", ValidationSamples.without("peppol-invoice.xml", CBC, "ProfileID"));
        VALIDATOR.validate("pint-sg", ValidationSamples.withText("pint-sg-invoice.xml", CBC, "ID", ""));
        List<RecordingLogProvider.Event> events = RecordingLogProvider.events();
        // phive's per-validation INFO lines prove that its loggers reach the recorder at all
        assertTrue(events.stream().anyMatch(e -> e.logger().startsWith("com.helger.")), events.toString());
        assertEquals(List.of(), events.stream().filter(e -> e.level() == Level.ERROR).toList());
    }

    private static Problem only(List<Problem> problems, String ruleId) {
        List<Problem> matching = problems.stream().filter(p -> ruleId.equals(p.location())).toList();
        assertEquals(1, matching.size(), "expected exactly one " + ruleId + " in " + problems);
        return matching.get(0);
    }
}
