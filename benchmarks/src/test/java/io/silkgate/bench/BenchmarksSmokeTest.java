package io.silkgate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.SamplePki;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceFormats;
import io.silkgate.schemas.en16931.InvoiceLine;
import io.silkgate.sign.DetachedJwsVerifier;
import io.silkgate.verify.TrustAnchors;
import io.silkgate.verify.VerificationResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Checks that every benchmark starts and measures what it claims (each state set up and each method run once on
 * the ~10 KB documents), that the ~1 MB invoice is what the benchmarks say it is, and that the load run delivers a
 * handful of documents end to end. No timings are asserted.
 */
class BenchmarksSmokeTest {

    static {
        // undertow would otherwise log through java.util.logging, two lines a record
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    @Test
    void everyBenchmarkClassIsRegisteredWithJmh() throws IOException {
        String list;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertTrue(in != null, "JMH's annotation processor did not run");
            list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Class<?> benchmark : List.of(ParseBenchmark.class, VerifyBenchmark.class, ValidateBenchmark.class,
                ConvertBenchmark.class, SignBenchmark.class, EnqueueBenchmark.class, BillOfLadingBenchmark.class)) {
            assertTrue(list.contains(benchmark.getName()), benchmark.getSimpleName() + " is not in the BenchmarkList");
        }
    }

    @Test
    void parseAndVerifyAcceptTheSignedInvoiceForBothKeyTypes() {
        ParseBenchmark parse = new ParseBenchmark();
        parse.size = BenchSize.SMALL;
        parse.setUp();
        assertEquals("Invoice", parse.secureParse().getDocumentElement().getLocalName());

        for (String key : List.of("rsa", "ecdsa")) {
            VerifyBenchmark verify = new VerifyBenchmark();
            verify.size = BenchSize.SMALL;
            verify.key = key;
            verify.setUp();
            VerificationResult result = verify.parseAndVerify();
            assertTrue(result.ok(), key + ": " + result.errors());
            String algorithm = result.signatures().get(0).algorithm();
            assertTrue(algorithm.contains("rsa".equals(key) ? "rsa-sha256" : "ecdsa-sha256"), algorithm);
        }
    }

    @Test
    void validationFindsTheSmallInvoiceValid() {
        ValidateBenchmark validate = new ValidateBenchmark();
        validate.size = BenchSize.SMALL;
        validate.setUp();
        assertEquals(List.of(), validate.en16931Ubl());
    }

    @Test
    void bothConvertersProduceTheOtherSyntax() {
        ConvertBenchmark convert = new ConvertBenchmark();
        convert.size = BenchSize.SMALL;
        convert.setUp();
        assertRoot("CrossIndustryInvoice", convert.oursUblToCii());
        assertRoot("CrossIndustryInvoice", convert.phaxUblToCii());
        assertRoot("Invoice", convert.oursCiiToUbl());
        assertRoot("Invoice", convert.phaxCiiToUbl());
    }

    @Test
    void signingProducesDetachedJwsThatVerify() {
        for (String key : List.of("rsa", "ecdsa")) {
            SignBenchmark sign = new SignBenchmark();
            sign.size = BenchSize.SMALL;
            sign.key = key;
            sign.setUp();
            String jws = sign.detachedJws();
            assertTrue(jws.contains(".."), "not a detached JWS: " + jws);
            String root = "rsa".equals(key) ? "silkgate/root-ca.pem" : "ae/root-ca.pem";
            TrustAnchors anchors = TrustAnchors.of(List.of(SamplePki.certificate(root)), List.of());
            byte[] body = BenchDocuments.signedInvoice(BenchDocuments.SMALL_LINES, "BENCH-SIGN-1",
                    BenchDocuments.RSA_SIGNER);
            assertTrue(new DetachedJwsVerifier(anchors).verify(jws, body).valid(), key);
        }
    }

    @Test
    void enqueueReachesTheDurableQueue() throws IOException, InterruptedException {
        EnqueueBenchmark enqueue = new EnqueueBenchmark();
        enqueue.setUp();
        try {
            enqueue.onePerCommit();
            enqueue.batchedPerCommit();
            // the broker adds a committed batch to the queue's count just after answering the commit
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (enqueue.queued() < 1 + EnqueueBenchmark.BATCH && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1 + EnqueueBenchmark.BATCH, enqueue.queued());
        } finally {
            enqueue.tearDown();
        }
    }

    @Test
    void billOfLadingChecksumsAreOverTheDecodedAttachmentAndTheCanonicalDocument() throws IOException {
        BillOfLadingBenchmark bl = new BillOfLadingBenchmark();
        bl.setUp();
        byte[] content = new byte[BillOfLadingBenchmark.ATTACHMENT_BYTES];
        new Random(8785).nextBytes(content);
        assertEquals(BillOfLadingBenchmark.sha256Hex(content), bl.attachmentChecksum());

        String checksum = bl.transportDocumentChecksum();
        assertEquals(64, checksum.length());
        // the submitted text is indented: its plain hash must differ from the canonical one
        assertNotEquals(BillOfLadingBenchmark.sha256Hex(BenchDocuments.transportDocument()), checksum);
    }

    @Test
    void theLargeInvoiceIsAboutOneMegabyteWithMatchingTotals() {
        byte[] large = BenchDocuments.unsignedInvoice(BenchDocuments.LARGE_LINES, "BENCH-LARGE-1");
        assertTrue(large.length > 900_000 && large.length < 1_400_000, "size " + large.length);
        Invoice invoice = InvoiceFormats.byId("ubl").orElseThrow().read(SecureXml.parse(large).getDocumentElement());
        assertEquals(BenchDocuments.LARGE_LINES, invoice.lines().size());
        BigDecimal sum = invoice.lines().stream().map(InvoiceLine::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(invoice.totals().sumOfInvoiceLineNetAmount()));
        assertEquals(0, sum.compareTo(invoice.totals().amountDueForPayment()));
    }

    @Test
    void loadRunDeliversAHandfulOfDocumentsEndToEnd() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LoadRun.Options options = LoadRun.Options.parse(new String[] {
            "--documents", "6", "--clients", "2", "--warmup", "0", "--step-seconds", "0.2"});
        LoadRun.Report report = new LoadRun(options, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(6, report.accepted(), output);
        assertEquals(6, report.delivered(), output);
        assertTrue(report.signatureSeen(), "the partner got no Silkgate-Signature\n" + output);
        assertTrue(report.limitPerSecond() > 0 && report.halfLoadAcceptLatency().count() == 3, output);
        assertTrue(output.contains("delivered / limit"), output);
        assertTrue(output.contains("archive + ledger + enqueue"), "the durable record is one of the steps\n" + output);
        assertTrue(output.contains("intake (HTTP workers)") && output.contains("JIT compiler"),
                "CPU per delivered document by thread\n" + output);
    }

    private static void assertRoot(String localName, byte[] document) {
        assertEquals(localName, SecureXml.parse(document).getDocumentElement().getLocalName());
    }
}
