package io.silkgate.gateway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A document named on the command line: a file, or {@code -} for standard input. */
record InputDocument(String name, Path path, byte[] bytes) {

    static InputDocument read(String arg) {
        try {
            if ("-".equals(arg)) {
                return new InputDocument("<stdin>", null, System.in.readAllBytes());
            }
            Path p = Path.of(arg);
            return new InputDocument(arg, p, Files.readAllBytes(p));
        } catch (IOException e) {
            throw new SilkgateCommand.UsageException("cannot read " + arg + ": " + e.getMessage());
        }
    }
}
