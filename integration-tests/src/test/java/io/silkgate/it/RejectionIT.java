package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a submitter sees when a document is refused (RFC 9457 problem details with the contract's codes) and
 * what the partner sees: nothing. Also the idempotent answer to a repeated submission.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class RejectionIT {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private final StubPartner customs = new StubPartner(StubPartner.Mode.ACCEPT);
    private GatewayProcess gateway;

    @BeforeAll
    void startGateway() {
        gateway = new GatewayProcess(dataDir, "partners:\n"
                + GatewayProcess.partner("vn-customs", customs, "")
                + "routing:\n"
                + "  - { family: invoice, buyer-country: VN, to: [vn-customs] }\n");
        gateway.start();
    }

    @AfterAll
    void stopEverything() throws Exception {
        CloseAll.of(gateway, customs);
    }

    @ParameterizedTest(name = "{0} -> 422 {1}")
    @CsvSource({
        "invoice-cn-vn.tampered.xml,  SIGNATURE_INVALID",
        "invoice-cn-vn.untrusted.xml, CERTIFICATE_UNTRUSTED",
        "invoice-cn-vn.revoked.xml,   CERTIFICATE_REVOKED",
        "invoice-cn-vn.xml,           SIGNATURE_MISSING"
    })
    void invoiceWithoutAValidTrustedSignatureIsRejectedAndNeverDelivered(String sample, String code) {
        byte[] document = Samples.document(sample);

        HttpAnswer answer = gateway.submit(document, "application/xml");

        JsonNode problem = assertProblem(answer, 422, code);
        String id = problem.path("id").asText();
        assertFalse(id.isBlank(), "the rejection should name the ledger id of the refused document: " + answer);
        JsonNode status = gateway.document(id);
        assertEquals("REJECTED", status.path("status").asText(), status::toString);
        assertEquals(0, status.path("deliveries").size(), status::toString);
        assertNothingDelivered(document, id);
    }

    @Test
    void garbageIsMalformed() {
        byte[] garbage = "this is not XML {\"nor\": JSON".getBytes(StandardCharsets.UTF_8);

        HttpAnswer answer = gateway.submit(garbage, "application/xml");

        assertProblem(answer, 400, "MALFORMED");
        assertNothingDelivered(garbage, null);
    }

    @Test
    void wellFormedXmlOfNoKnownFormatIsUnknownFormat() {
        byte[] memo = "<Memo xmlns=\"urn:example:not-a-trade-document\"><Text>hello</Text></Memo>"
                .getBytes(StandardCharsets.UTF_8);

        HttpAnswer answer = gateway.submit(memo, "application/xml");

        assertProblem(answer, 422, "UNKNOWN_FORMAT");
        assertNothingDelivered(memo, null);
    }

    @Test
    void doctypeWithAnExternalEntityIsMalformedAndNotExpanded(@TempDir Path scratch) throws IOException {
        String marker = "XXE-MARKER-" + UUID.randomUUID();
        Path secret = Files.writeString(scratch.resolve("secret.txt"), marker);
        byte[] xxe = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE Invoice [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><ID>&secret;</ID></Invoice>\n")
                .getBytes(StandardCharsets.UTF_8);

        HttpAnswer answer = gateway.submit(xxe, "application/xml");

        assertProblem(answer, 400, "MALFORMED");
        assertFalse(answer.text().contains(marker), "the external entity was expanded into the answer: " + answer);
        assertNothingDelivered(xxe, null);
        assertFalse(gateway.logText().contains(marker), "the external entity was expanded into the log");
    }

    @Test
    void plainTextIsUnsupportedMediaType() {
        byte[] signed = Samples.document("invoice-cn-vn.signed.xml");

        HttpAnswer answer = gateway.submit(signed, "text/plain");

        assertProblem(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertNothingDelivered(signed, null);
    }

    @Test
    void repeatedSubmissionAnswersWithTheFirstIdAndIsNotDeliveredAgain() {
        byte[] invoice = Samples.freshSignedInvoice("repeat");
        HttpAnswer first = gateway.submit(invoice, "application/xml");
        assertEquals(202, first.status(), first::toString);
        String id = first.json().path("id").asText();
        gateway.awaitDocument(id, "status DELIVERED", d -> "DELIVERED".equals(d.path("status").asText()), SETTLE);

        HttpAnswer repeat = gateway.submit(invoice, "application/xml");

        assertEquals(200, repeat.status(), repeat::toString);
        JsonNode answer = repeat.json();
        assertTrue(answer.path("duplicate").asBoolean(), repeat::toString);
        assertEquals(id, answer.path("id").asText(), repeat::toString);
        assertEquals(Samples.sha256Hex(invoice), answer.path("sha256").asText(), repeat::toString);
        awaitBarrierDocument();
        assertEquals(1, customs.requestsFor(id).size(), customs::describe);
        JsonNode status = gateway.document(id);
        assertEquals(1, status.path("deliveries").size(), status::toString);
        assertEquals("DELIVERED", status.path("status").asText(), status::toString);
    }

    /** Checks the RFC 9457 shape and the contract's code; returns the problem. */
    private static JsonNode assertProblem(HttpAnswer answer, int httpStatus, String code) {
        assertEquals(httpStatus, answer.status(), answer::toString);
        assertEquals("application/problem+json", answer.mediaType(), answer::toString);
        JsonNode problem = answer.json();
        assertEquals(code, problem.path("code").asText(), answer::toString);
        assertEquals(httpStatus, problem.path("status").asInt(), answer::toString);
        assertFalse(problem.path("type").asText().isBlank(), answer::toString);
        assertFalse(problem.path("title").asText().isBlank(), answer::toString);
        assertFalse(problem.path("detail").asText().isBlank(), answer::toString);
        JsonNode errors = problem.path("errors");
        assertTrue(errors.isArray() && !errors.isEmpty(), answer::toString);
        for (JsonNode error : errors) {
            assertFalse(error.path("message").asText().isBlank(), answer::toString);
        }
        List<String> codes = StreamSupport.stream(errors.spliterator(), false)
                .map(e -> e.path("code").asText()).toList();
        assertTrue(codes.contains(code), "errors should carry " + code + ": " + answer);
        return problem;
    }

    /**
     * Sends a valid document and waits until the partner has it: anything the gateway had queued before must have
     * been sent by then, so the absence of the refused document is a finding, not a race.
     */
    private void assertNothingDelivered(byte[] refused, String refusedId) {
        awaitBarrierDocument();
        for (StubPartner.Request r : customs.requests()) {
            assertFalse(Arrays.equals(refused, r.body()), "a refused document reached the partner\n"
                    + customs.describe());
            if (refusedId != null) {
                assertFalse(refusedId.equals(r.documentId()), "a refused document reached the partner\n"
                        + customs.describe());
            }
        }
    }

    private void awaitBarrierDocument() {
        HttpAnswer barrier = gateway.submit(Samples.freshSignedInvoice("barrier"), "application/xml");
        assertEquals(202, barrier.status(), barrier::toString);
        String barrierId = barrier.json().path("id").asText();
        Await.until(SETTLE, "the barrier document to reach the partner",
                () -> !customs.acceptedFor(barrierId).isEmpty(), () -> customs.describe() + "\n" + gateway.logTail());
    }
}
