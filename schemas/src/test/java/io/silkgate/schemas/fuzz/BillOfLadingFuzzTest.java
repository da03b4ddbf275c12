package io.silkgate.schemas.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.silkgate.certs.SamplePki;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.SecureJson;
import io.silkgate.schemas.bol.BillOfLadingConverter;
import io.silkgate.schemas.bol.BillOfLadingCopy;
import io.silkgate.schemas.bol.IftmcsStructure;
import io.silkgate.schemas.bol.RuleViolation;
import io.silkgate.schemas.bol.TransportDocumentRules;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON transport document reader (the DCSA rules) and the EDIFACT/FIATA writers get any input: the rules
 * always answer with violations, and a document with the DCSA structure is always copied — the IFTMCS copy reading
 * back with StAEDI — or refused as SCHEMA_INVALID; never another exception. Seeds:
 * {@code BillOfLadingFuzzTestInputs/} beside this class in the test resources.
 */
class BillOfLadingFuzzTest {

    private static final byte[] SAMPLE = SamplePki.document("bl-cn-sg.json");
    private static final BillOfLadingConverter CONVERTER = new BillOfLadingConverter();

    @FuzzTest(maxDuration = "10m")
    void anyJsonIsCheckedAndCopiedOrRejected(byte[] json) {
        JsonNode td;
        try {
            td = SecureJson.parse(json);
        } catch (DocumentRejectedException e) {
            assertEquals(ErrorCode.MALFORMED, e.code(), e.getMessage());
            return;
        }
        checkAndCopy(td);
    }

    /** The sample bill of lading with fuzzed values in its text fields: the writers must cope with any text. */
    @FuzzTest(maxDuration = "10m")
    void mutatedTransportDocumentsAreCopiedOrRejected(FuzzedDataProvider data) {
        JsonNode td = SecureJson.parse(SAMPLE);
        List<ObjectNode> owners = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        collectTextFields(td, owners, fields);
        int edits = data.consumeInt(0, 10);
        for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
            int at = data.consumeInt(0, fields.size() - 1);
            owners.get(at).set(fields.get(at), TextNode.valueOf(data.consumeString(600)));
        }
        checkAndCopy(td);
    }

    private static void checkAndCopy(JsonNode td) {
        List<RuleViolation> violations = TransportDocumentRules.check(td);
        assertNotNull(violations);
        boolean structured = violations.stream().noneMatch(RuleViolation::isSchema);
        for (String target : List.of("iftmcs", "fiata-efbl")) {
            try {
                BillOfLadingCopy copy = CONVERTER.convert(td, target);
                assertFalse(copy.bytes().length == 0, target);
                if (target.equals("iftmcs")) {
                    assertFalse(IftmcsStructure.read(copy.bytes()).isEmpty(), "the IFTMCS copy reads back");
                }
            } catch (DocumentRejectedException e) {
                assertEquals(ErrorCode.SCHEMA_INVALID, e.code(), e.getMessage());
                assertFalse(structured, "a structurally valid document was refused: " + e.getMessage());
            }
        }
    }

    private static void collectTextFields(JsonNode node, List<ObjectNode> owners, List<String> fields) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual()) {
                    owners.add(object);
                    fields.add(field.getKey());
                } else {
                    collectTextFields(field.getValue(), owners, fields);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(child -> collectTextFields(child, owners, fields));
        }
    }
}
