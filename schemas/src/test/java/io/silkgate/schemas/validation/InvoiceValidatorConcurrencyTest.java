package io.silkgate.schemas.validation;

import static io.silkgate.schemas.validation.ValidationSamples.CBC;
import static io.silkgate.schemas.validation.ValidationSamples.RAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;
import org.w3c.dom.Document;

class InvoiceValidatorConcurrencyTest {

    private static final int THREADS = 4;
    private static final int DOCUMENTS_PER_THREAD = 20;

    /** One document to validate: its format and a way to parse a fresh DOM of it (a DOM is never shared). */
    private record Case(String format, Supplier<Document> document) {
    }

    private static final List<Case> CASES = List.of(
            new Case("ubl", () -> ValidationSamples.parse("ubl-invoice.xml")),
            new Case("ubl", () -> ValidationSamples.withText("ubl-invoice.xml", CBC, "PayableAmount", "1600.00")),
            new Case("ubl", () -> ValidationSamples.withText("ubl-invoice.xml", CBC, "IssueDate", "2026-13-45")),
            new Case("ubl", () -> ValidationSamples.parse("ubl-creditnote.xml")),
            new Case("cii", () -> ValidationSamples.parse("cii-invoice.xml")),
            new Case("cii", () -> ValidationSamples.withText("cii-invoice.xml", RAM, "DuePayableAmount", "1600.00")),
            new Case("peppol-bis3", () -> ValidationSamples.without("peppol-invoice.xml", CBC, "ProfileID")),
            new Case("pint-sg", () -> ValidationSamples.parse("pint-sg-invoice.xml")));

    @Test
    void fourThreadsGetTheSameAnswersAsOne() throws Exception {
        InvoiceValidator validator = new InvoiceValidator();
        List<List<Problem>> expected = new ArrayList<>();
        for (Case c : CASES) {
            expected.add(validator.validate(c.format(), c.document().get()));
        }
        assertTrue(expected.stream().anyMatch(List::isEmpty) && expected.stream().anyMatch(p -> !p.isEmpty()),
                "the cases must mix valid and invalid documents");

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<List<String>> work = () -> {
                    start.await();
                    List<String> mismatches = new ArrayList<>();
                    for (int i = 0; i < DOCUMENTS_PER_THREAD; i++) {
                        // each thread walks the cases from a different offset, so different rule sets overlap
                        int index = (thread * 3 + i) % CASES.size();
                        Case c = CASES.get(index);
                        List<Problem> actual = validator.validate(c.format(), c.document().get());
                        if (!actual.equals(expected.get(index))) {
                            mismatches.add("thread " + thread + ", case " + index + ": " + actual);
                        }
                    }
                    return mismatches;
                };
                results.add(pool.submit(work));
            }
            start.countDown();
            for (Future<List<String>> result : results) {
                assertEquals(List.of(), result.get(5, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void prewarmCompilesEveryRuleSetAndSaysHowLongItTook() {
        InvoiceValidator validator = new InvoiceValidator();
        RecordingLogProvider.clear();
        validator.prewarmAll();
        assertEquals(List.of(), RecordingLogProvider.events().stream().filter(e -> e.level() == Level.ERROR).toList());
        List<RecordingLogProvider.Event> lines = RecordingLogProvider.events().stream()
                .filter(e -> e.logger().equals(InvoiceValidator.class.getName()) && e.level() == Level.INFO)
                .toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).message().matches("Pre-warmed \\d+ invoice rule sets .* in \\d+ ms"),
                lines.get(0).message());

        assertEquals(List.of(), validator.validate("pint-sg", ValidationSamples.parse("pint-sg-invoice.xml")));
    }
}
