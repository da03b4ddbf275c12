package io.silkgate.routes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryPiecesTest {

    @Test
    void backOffGrowsByTheMultiplierUpToTheCap() {
        DeliveryTarget t = new DeliveryTarget("p", URI.create("http://127.0.0.1:9/"), "ubl", 8, Duration.ofSeconds(5),
                2.0, Duration.ofSeconds(30), Duration.ofSeconds(10), 5, Duration.ofSeconds(30));
        assertEquals(Duration.ofSeconds(5), t.delayAfter(1));
        assertEquals(Duration.ofSeconds(10), t.delayAfter(2));
        assertEquals(Duration.ofSeconds(20), t.delayAfter(3));
        assertEquals(Duration.ofSeconds(30), t.delayAfter(4));
        assertEquals(Duration.ofSeconds(30), t.delayAfter(40));
    }

    @Test
    void theArchiveKeepsOriginalsByteForByte(@TempDir Path dir) throws Exception {
        DocumentArchive archive = new DocumentArchive(dir);
        String id = UUID.randomUUID().toString();
        byte[] original = "<x>\r\n  ünïcode\t</x>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        archive.store(id, original);
        assertArrayEquals(original, archive.read(id).orElseThrow());
        try (var files = Files.walk(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")), "no temporary file is left");
        }
    }

    @Test
    void theArchiveRecreatesFanOutFoldersRemovedUnderIt(@TempDir Path dir) throws Exception {
        DocumentArchive archive = new DocumentArchive(dir);
        String first = "ab" + UUID.randomUUID().toString().substring(2);
        archive.store(first, new byte[] {1});
        // an operator cleans up by hand: the next original for the same folders must still be kept
        try (var files = Files.walk(dir.resolve("ab"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        String second = first.substring(0, 4) + UUID.randomUUID().toString().substring(4);
        archive.store(second, new byte[] {2});
        assertArrayEquals(new byte[] {2}, archive.read(second).orElseThrow());
        assertEquals(Optional.empty(), archive.read(first));
    }

    @Test
    void retentionDeletesOnlyOldOriginalsOfFinishedDocuments(@TempDir Path dir) throws Exception {
        DocumentArchive archive = new DocumentArchive(dir);
        String finishedOld = UUID.randomUUID().toString();
        String pendingOld = UUID.randomUUID().toString();
        String finishedNew = UUID.randomUUID().toString();
        for (String id : new String[] {finishedOld, pendingOld, finishedNew}) {
            archive.store(id, id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        java.time.Instant longAgo = java.time.Instant.now().minus(Duration.ofDays(400));
        try (var files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!f.getFileName().toString().equals(finishedNew)) {
                    Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(longAgo));
                }
            }
        }
        int deleted = archive.deleteOlderThan(java.time.Instant.now().minus(Duration.ofDays(365)),
                id -> !id.equals(pendingOld));
        assertEquals(1, deleted);
        assertEquals(Optional.empty(), archive.read(finishedOld));
        assertTrue(archive.read(pendingOld).isPresent(), "an unfinished document keeps its original");
        assertTrue(archive.read(finishedNew).isPresent(), "a recent original is kept");
    }

    @Test
    void theArchiveOnlyKnowsGatewayIds(@TempDir Path dir) {
        DocumentArchive archive = new DocumentArchive(dir);
        assertEquals(Optional.empty(), archive.read("../../etc/passwd"));
        assertEquals(Optional.empty(), archive.read(UUID.randomUUID().toString()));
        assertThrows(IllegalArgumentException.class, () -> archive.store("../x", new byte[1]));
    }

    @Test
    void ublProfilesPassThroughToUblPartnersAndOtherFormatsAreConverted() {
        DocumentTranslator translator = new DocumentTranslator(new io.silkgate.schemas.validation.InvoiceValidator());
        assertTrue(translator.passesThrough("peppol-bis3", "ubl"));
        assertTrue(translator.passesThrough("ubl", "ubl"));
        assertTrue(translator.canTranslate("ubl", "cii") && !translator.passesThrough("ubl", "cii"));
        assertTrue(translator.canTranslate("cn-fapiao", "pint-sg"));
        var inputOnly = assertThrows(DocumentRejectedException.class,
                () -> translator.requireTranslation("ubl", "cn-fapiao", "cn-buyer"));
        assertEquals(ErrorCode.NO_ROUTE, inputOnly.code());
        assertEquals(ErrorCode.NO_ROUTE, assertThrows(DocumentRejectedException.class,
                () -> translator.requireTranslation("id-coretax", "ubl", "x")).code());
    }
}
