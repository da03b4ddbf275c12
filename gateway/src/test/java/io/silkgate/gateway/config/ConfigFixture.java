package io.silkgate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes configuration files and the files they name into a temporary directory, and loads them. */
final class ConfigFixture {

    final Path dir;
    Map<String, String> env = Map.of();

    ConfigFixture(Path dir) {
        this.dir = dir;
    }

    /** Creates a file (and its parent directories) relative to the configuration directory. */
    Path file(String relative, String content) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            return Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path directory(String relative) {
        try {
            return Files.createDirectories(dir.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SilkgateConfig load(String yaml) {
        return ConfigLoader.load(file("silkgate.yaml", yaml), env);
    }

    /** Loads a file that must be rejected and returns the error lines. */
    List<String> errors(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        return e.errors();
    }

    /** Loads a file that must be rejected with exactly one error, and returns it. */
    String error(String yaml) {
        List<String> errors = errors(yaml);
        if (errors.size() != 1) {
            fail("expected exactly one error, got " + errors.size() + ":\n" + String.join("\n", errors));
        }
        return errors.get(0);
    }
}
