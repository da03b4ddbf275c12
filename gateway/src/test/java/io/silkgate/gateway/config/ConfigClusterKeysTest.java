package io.silkgate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gateway.node-id} and {@code gateway.archive-dir}: what several nodes of one cluster set. */
class ConfigClusterKeysTest {

    @TempDir
    Path dir;

    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(dir);
    }

    @Test
    void nodeIdAndASharedArchiveAreRead() {
        GatewaySettings g = fx.load("gateway: { node-id: gw-2, archive-dir: ../shared/archive }").gateway();
        assertEquals("gw-2", g.effectiveNodeId());
        assertEquals(dir.resolve("../shared/archive").normalize(), g.effectiveArchiveDir());
    }

    @Test
    void withoutThemTheNodeIsNamedByItsHostAndArchivesInItsDataDir() {
        GatewaySettings g = fx.load("gateway: { data-dir: ./d }").gateway();
        assertEquals(dir.resolve("d/archive"), g.effectiveArchiveDir());
        assertFalse(g.effectiveNodeId().isBlank());
        assertEquals(ConfigLoader.defaults(dir).gateway().effectiveNodeId(), g.effectiveNodeId());
    }

    @Test
    void aNodeIdWithSpacesIsRefusedNamingTheKey() {
        List<String> errors = fx.errors("gateway: { node-id: \"gw 2\" }");
        assertTrue(errors.stream().anyMatch(e -> e.contains("gateway.node-id: must be 1-64 of")), errors::toString);
    }
}
