package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one {@code java -jar silkgate.jar <command>} to completion, as a user at a shell would. */
final class JarCommand {

    /** What the command did: its exit code and everything it printed. */
    record Result(int exitCode, String stdout, String stderr) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n---- stdout ----\n" + stdout + "\n---- stderr ----\n" + stderr;
        }
    }

    private JarCommand() {
    }

    /**
     * Runs the jar with {@code args} in {@code workDir}; output goes to files there (no pipe can fill up and
     * block the process). Fails if the command has not finished within {@code timeout}.
     */
    static Result run(Path workDir, Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar",
                GatewayProcess.jar().toString()));
        command.addAll(List.of(args));
        Path out = workDir.resolve("stdout-" + System.nanoTime() + ".txt");
        Path err = workDir.resolve("stderr-" + System.nanoTime() + ".txt");
        Process process = null;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail(String.join(" ", args) + " did not finish within " + timeout.toSeconds() + " s\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
