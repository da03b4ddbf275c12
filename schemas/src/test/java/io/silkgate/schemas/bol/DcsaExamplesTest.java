package io.silkgate.schemas.bol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.silkgate.schemas.SecureJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opt-in: the public DCSA transport documents (kept outside the repository) against our rules. Run with
 * {@code -Dsilkgate.ebl-examples=/path/to/ebl-examples}; skipped otherwise.
 *
 * <p>Every TransportDocument that the corpus' SOURCES.txt lists as schema-valid passes our structural checks. The
 * conditional rules, which the published examples were never checked against, find what the specification's prose
 * forbids: issued documents without an issueDate, to-order bills without notify parties, and a shipper with neither
 * an address nor an identifying code. The CTK templates carry 40-character placeholders in a 20-character field.
 */
class DcsaExamplesTest {

    private static final String PARTY = "DCSA-TD-PARTY-ADDRESS-OR-CODE /documentParties/shipper";
    private static final String NOTIFY = "DCSA-TD-TO-ORDER-NOTIFY /documentParties/notifyParties";
    private static final String ISSUED = "DCSA-TD-ISSUED-DATES /issueDate";
    private static final String TDR_LENGTH = "DCSA-TD-SCHEMA-MAX-LENGTH /transportDocumentReference";

    private static Path corpus;

    @BeforeAll
    static void corpus() {
        String dir = System.getProperty("silkgate.ebl-examples");
        Assumptions.assumeTrue(dir != null && !dir.isBlank(), "set -Dsilkgate.ebl-examples to run");
        corpus = Path.of(dir);
        Assumptions.assumeTrue(Files.isDirectory(corpus), dir + " is not a directory");
    }

    static List<Arguments> examples() {
        return List.of(
                // schema-valid per SOURCES.txt; draft/approved: only the prose rules fail
                Arguments.of("dcsa-ebl-3.0.4/td-get-200.draft-regular.json", "", Set.of(PARTY, NOTIFY)),
                Arguments.of("dcsa-ebl-3.0.4/td-get-200.approved-reefer.json", "", Set.of(PARTY, NOTIFY)),
                Arguments.of("dcsa-ebl-iss-3.0.4/issuance-request.regularSTD.json", "/document", Set.of(PARTY, NOTIFY)),
                Arguments.of("dcsa-pint-3.0.0/envelope-request.regularSTD.json", "/transportDocument",
                        Set.of(PARTY, NOTIFY)),
                // schema-valid, but ISSUED without an issueDate
                Arguments.of("dcsa-ebl-3.0.4/td-get-200.issued-dg.json", "", Set.of(PARTY, NOTIFY, ISSUED)),
                Arguments.of("dcsa-ebl-3.0.4/td-amendment-put.reefer.json", "", Set.of(PARTY, NOTIFY, ISSUED)),
                Arguments.of("dcsa-ebl-3.0.4/td-amendment-get-200.dg-confirmed.json", "/amendedTransportDocument",
                        Set.of(PARTY, NOTIFY, ISSUED)),
                Arguments.of("dcsa-ebl-3.0.4/td-notification.issued-full.json", "/data/transportDocument",
                        Set.of(PARTY, NOTIFY, ISSUED)),
                // CTK templates: placeholders; the issuance template is otherwise a complete straight BL
                Arguments.of("dcsa-conformance-templates/eblissuance-v3.0.0-request.json", "/document",
                        Set.of(TDR_LENGTH)),
                Arguments.of("dcsa-conformance-templates/pint-3.0.0-transport-document.json", "",
                        Set.of(TDR_LENGTH, ISSUED)),
                // our synthetic PINT vectors were built from the DCSA example TD with issueDate added
                Arguments.of("synthetic-pint-vectors/01-envelope-BOLE-to-WAVE.valid.json", "/transportDocument",
                        Set.of(PARTY, NOTIFY)));
    }

    @ParameterizedTest(name = "{0}{1}")
    @MethodSource("examples")
    void examplesBreakExactlyTheRulesTheyBreak(String file, String pointer, Set<String> expected) throws IOException {
        JsonNode td = SecureJson.parse(Files.readAllBytes(corpus.resolve(file))).at(pointer);
        List<RuleViolation> found = TransportDocumentRules.check(td);
        assertEquals(new TreeSet<>(expected), found.stream().map(v -> v.rule() + " " + v.pointer())
                .collect(Collectors.toCollection(TreeSet::new)), found::toString);
        if (!expected.contains(TDR_LENGTH)) {
            assertTrue(found.stream().noneMatch(RuleViolation::isSchema), "SOURCES.txt: schema-valid");
        }
    }

    @ParameterizedTest(name = "{0}{1}")
    @MethodSource("examples")
    void theRulesAcceptTheExamplesOnceTheirGapsAreFilled(String file, String pointer, Set<String> expected)
            throws IOException {
        ObjectNode td = (ObjectNode)
                SecureJson.parse(Files.readAllBytes(corpus.resolve(file))).at(pointer);
        if (expected.contains(TDR_LENGTH)) {
            td.put("transportDocumentReference", "CTK0000000001");
        }
        if (expected.contains(ISSUED)) {
            td.put("issueDate", td.path("shippedOnBoardDate").asText("2024-01-01"));
        }
        ObjectNode parties = BolSamples.at(td, "/documentParties");
        if (expected.contains(PARTY)) {
            parties.with("shipper").putArray("identifyingCodes").addObject().put("codeListProvider", "ZZZ")
                    .put("partyCode", "SHIPPER-1");
        }
        if (expected.contains(NOTIFY)) {
            parties.putArray("notifyParties").addObject().put("partyName", "Notify Party")
                    .putArray("identifyingCodes").addObject().put("codeListProvider", "ZZZ").put("partyCode", "N1");
        }
        assertEquals(List.of(), TransportDocumentRules.check(td));
        for (String target : BillOfLadingConverter.TARGETS) {
            BillOfLadingCopy copy = new BillOfLadingConverter().convert(td, target);
            if (!"fiata-efbl".equals(target) || (td.has("issueDate") && td.has("placeOfIssue"))) {
                assertEquals(List.of(), BillOfLadingConverter.validateOutput(target, copy.bytes()), target);
            }
        }
    }
}
