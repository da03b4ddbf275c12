package io.silkgate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void sizes() {
        assertEquals(1048576, Units.parseSize("1048576"));
        assertEquals(512 * 1024, Units.parseSize("512KB"));
        assertEquals(512 * 1024, Units.parseSize("512k"));
        assertEquals(10L * 1024 * 1024, Units.parseSize("10MB"));
        assertEquals(10L * 1024 * 1024, Units.parseSize("10 MiB"));
        assertEquals(2L * 1024 * 1024 * 1024, Units.parseSize("2GB"));
        assertEquals(7, Units.parseSize("7B"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseSize("10TB"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseSize("-1MB"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseSize("1.5MB"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseSize("99999999999999999999GB"));
        assertEquals("10MB", Units.formatSize(10L * 1024 * 1024));
        assertEquals("512KB", Units.formatSize(512 * 1024));
        assertEquals("1000", Units.formatSize(1000));
    }

    @Test
    void durations() {
        assertEquals(Duration.ofMillis(500), Units.parseDuration("500ms"));
        assertEquals(Duration.ofSeconds(5), Units.parseDuration("5s"));
        assertEquals(Duration.ofMinutes(5), Units.parseDuration("5m"));
        assertEquals(Duration.ofHours(1), Units.parseDuration("1h"));
        assertEquals(Duration.ofDays(2), Units.parseDuration("2d"));
        assertEquals(Duration.ofSeconds(5), Units.parseDuration("PT5S"));
        assertEquals(Duration.ofMinutes(90), Units.parseDuration("PT1H30M"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseDuration("5"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseDuration("5 min"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseDuration("PT-5S"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseDuration("P5X"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseDuration("999999999999999999d"));
        assertEquals("5s", Units.formatDuration(Duration.ofSeconds(5)));
        assertEquals("5m", Units.formatDuration(Duration.ofMinutes(5)));
        assertEquals("90s", Units.formatDuration(Duration.ofSeconds(90)));
        assertEquals("1500ms", Units.formatDuration(Duration.ofMillis(1500)));
        assertEquals("1d", Units.formatDuration(Duration.ofDays(1)));
    }
}
