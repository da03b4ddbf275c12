package io.silkgate.pint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.ledger.LedgerDatabase;
import io.silkgate.schemas.SecureJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PintReceiverTest {

    private static PintFixture fx;

    @TempDir
    Path dir;

    private final List<LedgerDatabase> databases = new ArrayList<>();
    private final List<String> handedOver = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void keys() {
        fx = new PintFixture();
    }

    @AfterEach
    void close() {
        databases.forEach(LedgerDatabase::close);
        databases.clear();
    }

    /** The database every receiver of one test shares (re-opened on "restart"). */
    protected String jdbcUrl() {
        return LedgerDatabase.embeddedUrl(dir);
    }

    private PintReceiver receiver() {
        LedgerDatabase db = LedgerDatabase.open(jdbcUrl(), null, null);
        databases.add(db);
        return new PintReceiver(fx.verifier(TransportDocumentCheck.NONE),
                new PintChainStore(db.dataSource(), Clock.systemUTC()), PintFixture.signer(fx.gateway), t -> {
                    handedOver.add(t.envelopeReference());
                    return "doc-" + t.envelopeReference();
                });
    }

    @Test
    void anEnvelopeWithoutDocumentsIsAcceptedAtOnceWithASignedRece() {
        PintAnswer a = receiver().start(fx.toBank(List.of()));
        assertEquals(200, a.status());
        JsonNode verdict = verdict(a);
        assertEquals("RECE", verdict.path("responseCode").asText());
        assertFalse(verdict.has("reason"));
        assertEquals(0, verdict.path("receivedAdditionalDocumentChecksums").size());
        assertEquals(1, handedOver.size());
    }

    @Test
    void documentsAreUploadedCheckedAndCountedBeforeFinish() {
        PintReceiver receiver = receiver();
        byte[] doc = "%PDF-1.7 commercial invoice".getBytes(StandardCharsets.US_ASCII);
        DeclaredDocument declared = PintFixture.document(doc, "invoice.pdf");
        byte[] envelope = fx.toBank(List.of(declared));

        PintAnswer started = receiver.start(envelope);
        assertEquals(201, started.status());
        assertNull(started.code(), "the 201 answer is not signed");
        JsonNode body = SecureJson.parse(started.body().getBytes(StandardCharsets.UTF_8));
        String ref = body.path("envelopeReference").asText();
        assertEquals(List.of(declared.checksum()), strings(body.path("missingAdditionalDocumentChecksums")));
        assertEquals(fx.tdChecksum, body.path("transportDocumentChecksum").asText());

        assertEquals(201, receiver.start(envelope).status(), "a retry continues the same transfer");
        assertEquals(ref, SecureJson.parse(receiver.start(envelope).body().getBytes(StandardCharsets.UTF_8))
                .path("envelopeReference").asText());

        PintAnswer early = receiver.finish(ref);
        assertEquals(409, early.status());
        assertEquals("MDOC", verdict(early).path("responseCode").asText());
        assertEquals(List.of(declared.checksum()), strings(verdict(early).path("missingAdditionalDocumentChecksums")));

        byte[] wrong = "%PDF-1.7 something else".getBytes(StandardCharsets.US_ASCII);
        assertIncd(receiver.additionalDocument(ref, declared.checksum(), json(wrong)), "SHA-256");
        assertIncd(receiver.additionalDocument(ref, PintChecksums.ofBytes(wrong), json(wrong)), "not declared");
        assertIncd(receiver.additionalDocument(ref, declared.checksum(), "not json".getBytes(StandardCharsets.UTF_8)),
                "JSON string");
        assertEquals(404, receiver.additionalDocument("no-such-ref", declared.checksum(), json(doc)).status());

        assertEquals(204, receiver.additionalDocument(ref, declared.checksum(), json(doc)).status());
        assertTrue(handedOver.isEmpty(), "nothing is handed over before finish");
        PintAnswer finished = receiver.finish(ref);
        assertEquals(200, finished.status());
        assertEquals("RECE", verdict(finished).path("responseCode").asText());
        assertEquals(List.of(declared.checksum()), strings(verdict(finished).path("receivedAdditionalDocumentChecksums")));

        PintAnswer again = receiver.finish(ref);
        assertEquals("DUPE", verdict(again).path("responseCode").asText());
        PintAnswer repeated = receiver.start(envelope);
        assertEquals(200, repeated.status());
        assertEquals("DUPE", verdict(repeated).path("responseCode").asText());
        List<String> chain = strings(SecureJson.parse(envelope).path("envelopeTransferChain"));
        assertEquals(chain.get(1), verdict(repeated).path("duplicateOfAcceptedEnvelopeTransferChainEntrySignedContent")
                .asText());
        assertEquals(List.of(ref), handedOver, "handed over exactly once");
    }

    @Test
    void aReSignedLastEntryIsADuplicateAndAForkIsADoubleSpend() {
        PintReceiver receiver = receiver();
        String first = fx.issueEntry(fx.td);
        String toBank = fx.waveEntry(first, PintFixture.BANK, "2026-03-03T10:00:00.000Z");
        assertEquals("RECE", verdict(receiver.start(fx.envelope(List.of(first, toBank), List.of())))
                .path("responseCode").asText());

        // ES256 signatures differ every time: same payload, new JWS string
        String reSigned = fx.waveEntry(first, PintFixture.BANK, "2026-03-03T10:00:00.000Z");
        assertNotEquals(toBank, reSigned);
        assertEquals("DUPE", verdict(receiver.start(fx.envelope(List.of(first, reSigned), List.of())))
                .path("responseCode").asText());

        String fork = fx.waveEntry(first, PintFixture.BANK, "2026-03-03T11:30:00.000Z");
        PintAnswer dise = receiver.start(fx.envelope(List.of(first, fork), List.of()));
        assertEquals(409, dise.status());
        assertEquals("DISE", verdict(dise).path("responseCode").asText());
        assertEquals(1, handedOver.size());
    }

    @Test
    void refusalsChangeNothing() {
        PintReceiver receiver = receiver();
        byte[] good = fx.toBank(List.of());
        com.fasterxml.jackson.databind.node.ObjectNode tampered =
                (com.fasterxml.jackson.databind.node.ObjectNode) SecureJson.parse(good);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tampered.get("transportDocument")).put("issueDate", "2026-03-09");
        PintAnswer benv = receiver.start(tampered.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(422, benv.status());
        assertEquals("BENV", verdict(benv).path("responseCode").asText());
        assertTrue(verdict(benv).path("reason").asText().contains("transportDocumentChecksum"));

        String first = fx.issueEntry(fx.td);
        String last = fx.waveEntry(first, PintFixture.BANK, "2026-03-03T10:00:00.000Z");
        byte[] rogue = EnvelopeWriter.envelope(fx.td, EnvelopeWriter.manifest(PintFixture.signer(fx.rogue),
                fx.tdChecksum, last, List.of()), List.of(first, last));
        PintAnswer bsig = receiver.start(rogue);
        assertEquals(422, bsig.status());
        assertEquals("BSIG", verdict(bsig).path("responseCode").asText());

        PintAnswer notJson = receiver.start("{".getBytes(StandardCharsets.UTF_8));
        assertEquals("BENV", verdict(notJson).path("responseCode").asText());

        assertEquals("RECE", verdict(receiver.start(good)).path("responseCode").asText(),
                "refused envelopes left no trace that blocks the real one");
        assertEquals(404, receiver.finish("no-such-ref").status());
    }

    @Test
    void aReferenceWithANulOrPathTricksIsUnknownOnEveryDatabase() {
        // PostgreSQL refuses a NUL in a query parameter: such a reference must be answered 404, not fail as 500
        PintReceiver receiver = receiver();
        String zeros = "0".repeat(64);
        assertEquals(404, receiver.finish("x\0").status());
        assertEquals(404, receiver.finish("../../etc/passwd").status());
        assertEquals(404, receiver.additionalDocument("x\0", zeros, "\"\"".getBytes(StandardCharsets.UTF_8))
                .status());
    }

    @Test
    void decisionsSurviveARestart() {
        String first = fx.issueEntry(fx.td);
        byte[] accepted = fx.envelope(List.of(first, fx.waveEntry(first, PintFixture.BANK, "2026-03-03T10:00:00Z")),
                List.of());
        assertEquals("RECE", verdict(receiver().start(accepted)).path("responseCode").asText());
        databases.remove(0).close();

        PintReceiver reopened = receiver();
        assertEquals("DUPE", verdict(reopened.start(accepted)).path("responseCode").asText());
        byte[] fork = fx.envelope(List.of(first, fx.waveEntry(first, PintFixture.BANK, "2026-03-04T10:00:00Z")),
                List.of());
        assertEquals("DISE", verdict(reopened.start(fork)).path("responseCode").asText());
        // the eBL is held here: a longer chain with an entry for CARX that this gateway never wrote is a double
        // spend too (signed with a trusted key, so only the history can tell)
        String second = SecureJson.parse(accepted).path("envelopeTransferChain").get(1).asText();
        String notOurs = EnvelopeWriter.chainEntry(PintFixture.signer(fx.wave), "CARX", fx.tdChecksum, second, null,
                List.of(EnvelopeWriter.transaction("TRANSFER", PintFixture.BANK, PintFixture.BANK,
                        "2026-03-05T10:00:00Z")));
        byte[] onwards = fx.envelope(List.of(first, second, notOurs), List.of());
        assertEquals("DISE", verdict(reopened.start(onwards)).path("responseCode").asText());
    }

    @Test
    void ofTwoDivergingChainsSubmittedAtOnceExactlyOneIsAccepted() throws Exception {
        PintReceiver one = receiver();
        PintReceiver two = receiver(); // a second pool on the same database: a second gateway process
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 6; round++) {
                com.fasterxml.jackson.databind.node.ObjectNode td = fx.td.deepCopy();
                td.put("transportDocumentReference", "SGTSTRACE" + round);
                String tdChecksum = PintChecksums.ofJson(td);
                String first = fx.issueEntry(td);
                List<byte[]> forks = new ArrayList<>();
                for (String at : List.of("2026-03-03T10:00:00Z", "2026-03-03T10:00:01Z")) {
                    String last = EnvelopeWriter.chainEntry(PintFixture.signer(fx.wave), "WAVE", tdChecksum, first,
                            null, List.of(EnvelopeWriter.transaction("TRANSFER", PintFixture.CONSIGNEE,
                                    PintFixture.BANK, at)));
                    forks.add(EnvelopeWriter.envelope(td, EnvelopeWriter.manifest(PintFixture.signer(fx.wave),
                            tdChecksum, last, List.of()), List.of(first, last)));
                }
                CountDownLatch go = new CountDownLatch(1);
                List<Future<PintAnswer>> answers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    PintReceiver r = i == 0 ? one : two;
                    byte[] envelope = forks.get(i);
                    Callable<PintAnswer> call = () -> {
                        go.await();
                        return r.start(envelope);
                    };
                    answers.add(threads.submit(call));
                }
                go.countDown();
                List<String> codes = new ArrayList<>();
                for (Future<PintAnswer> f : answers) {
                    codes.add(verdict(f.get()).path("responseCode").asText());
                }
                Collections.sort(codes);
                assertEquals(List.of("DISE", "RECE"), codes, "round " + round);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(6, handedOver.size());
    }

    private static void assertIncd(PintAnswer a, String reasonPart) {
        assertEquals(409, a.status());
        JsonNode v = verdict(a);
        assertEquals("INCD", v.path("responseCode").asText());
        assertTrue(v.path("reason").asText().contains(reasonPart), v.path("reason").asText());
    }

    /** The signed answer, verified with the gateway's certificate as a sender would. */
    static JsonNode verdict(PintAnswer a) {
        assertTrue(a.signed(), "answer " + a.status() + " is signed");
        String jws = SecureJson.parse(a.body().getBytes(StandardCharsets.UTF_8)).asText();
        return PintJws.verify(jws, fx.receiverTrust(), "response").payload();
    }

    private static byte[] json(byte[] content) {
        return ("\"" + Base64.getEncoder().encodeToString(content) + "\"").getBytes(StandardCharsets.US_ASCII);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
