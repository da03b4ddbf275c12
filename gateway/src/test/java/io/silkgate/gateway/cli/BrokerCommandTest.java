package io.silkgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code silkgate broker}: bad flags are usage errors (exit 2) that say what is wrong, before anything starts. */
class BrokerCommandTest {

    @Test
    void anUnknownRoleIsAUsageError() {
        Run r = run("broker", "--role", "sideways");
        assertEquals(SilkgateCommand.USAGE, r.exit());
        assertTrue(r.err().contains("--role: must be primary or backup"), r.err());
    }

    @Test
    void aBackupNeedsTheSharedStoreAndItsPeer() {
        Run r = run("broker", "--role", "backup", "--port", "1");
        assertEquals(SilkgateCommand.USAGE, r.exit());
        assertTrue(r.err().contains("--shared-store DIR and --peer HOST:PORT"), r.err());
    }

    @Test
    void aPeerMustBeHostAndPort() {
        Run r = run("broker", "--role", "primary", "--peer", "broker-2");
        assertEquals(SilkgateCommand.USAGE, r.exit());
        assertTrue(r.err().contains("--peer: must be HOST:PORT"), r.err());
    }

    private static Run run(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            return new Run(SilkgateCommand.execute(args), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    private record Run(int exit, String err) {
    }
}
