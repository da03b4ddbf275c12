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
    void theArchiveOnlyKnowsGatewayIds(@TempDir Path dir) {
        DocumentArchive archive = new DocumentArchive(dir);
        assertEquals(Optional.empty(), archive.read("../../etc/passwd"));
        assertEquals(Optional.empty(), archive.read(UUID.randomUUID().toString()));
        assertThrows(IllegalArgumentException.class, () -> archive.store("../x", new byte[1]));
    }

    @Test
    void ublProfilesMayGoToPlainUblPartnersButNothingElseIsConvertedYet() {
        DocumentTranslator translator = new DocumentTranslator();
        assertTrue(translator.canTranslate("peppol-bis3", "ubl"));
        assertTrue(translator.canTranslate("ubl", "ubl"));
        var e = assertThrows(DocumentRejectedException.class,
                () -> translator.requireTranslation("ubl", "cii", "eu-buyer"));
        assertEquals(ErrorCode.NO_ROUTE, e.code());
    }
}
