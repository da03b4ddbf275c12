package io.silkgate.gateway.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** One {@code silkgate verify --trust DIR --at INSTANT FILE} run in-process: its exit code and its stdout report. */
record VerifyRun(int exit, String out) {

    static VerifyRun of(String trust, String at, Path file) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = SilkgateCommand.execute("verify", "--trust", trust, "--at", at, file.toString());
            return new VerifyRun(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
