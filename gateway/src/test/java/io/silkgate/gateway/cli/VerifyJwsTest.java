package io.silkgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.sign.DetachedJwsSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code silkgate verify} of a bill of lading signed with a JWS: a .jws file, or JSON with FILE.jws beside it. */
class VerifyJwsTest {

    private static final String AT = "2026-06-01T00:00:00Z";

    @TempDir
    static Path dir;
    private static String trust;
    private static byte[] td;
    private static DetachedJwsSigner carrier;

    @BeforeAll
    static void samplePki() {
        trust = SamplePki.copyTo(dir.resolve("pki")).resolve("sg").toString();
        td = SamplePki.document("bl-cn-sg.json");
        IssuedCertificate c = SamplePki.load("sg/carrier-singapore");
        carrier = new DetachedJwsSigner(c.privateKey(), c.chain().subList(0, c.chain().size() - 1));
    }

    @Test
    void compactJwsFileIsVerifiedAndItsPayloadFormatReported() throws Exception {
        Path file = Files.writeString(dir.resolve("bl.jws"), carrier.signAttached(td));

        VerifyRun valid = run(file);

        assertEquals(SilkgateCommand.OK, valid.exit(), valid.out());
        assertTrue(valid.out().contains("\"format\":\"dcsa-td3\"") || valid.out().contains("\"format\" : \"dcsa-td3\""),
                valid.out());
        assertTrue(valid.out().contains("Singapore Sample Carrier"), valid.out());
        assertTrue(valid.out().contains("\"revocation\""), valid.out());
    }

    @Test
    void jsonWithDetachedJwsBesideIsVerifiedOverItsBytes() throws Exception {
        Path file = Files.write(dir.resolve("bl.json"), td);
        Files.writeString(dir.resolve("bl.json.jws"), carrier.sign(td));

        assertEquals(SilkgateCommand.OK, run(file).exit(), run(file).out());

        Files.write(file, new String(td, StandardCharsets.UTF_8).replace("Yangshan", "Ningbo")
                .getBytes(StandardCharsets.UTF_8));
        VerifyRun tampered = run(file);
        assertEquals(SilkgateCommand.INVALID, tampered.exit(), tampered.out());
        assertTrue(tampered.out().contains("SIGNATURE_INVALID"), tampered.out());
    }

    @Test
    void unsignedBillOfLadingIsSignatureMissingAndAnImpostorUntrusted() throws Exception {
        Path unsigned = Files.write(dir.resolve("unsigned.json"), td);
        IssuedCertificate impostor = SamplePki.load("rogue/exporter-impostor");
        Path forged = Files.writeString(dir.resolve("forged.jws"),
                new DetachedJwsSigner(impostor.privateKey(), impostor.chain()).signAttached(td));

        VerifyRun missing = run(unsigned);
        VerifyRun untrusted = run(forged);

        assertEquals(SilkgateCommand.INVALID, missing.exit(), missing.out());
        assertTrue(missing.out().contains("SIGNATURE_MISSING"), missing.out());
        assertEquals(SilkgateCommand.INVALID, untrusted.exit(), untrusted.out());
        assertTrue(untrusted.out().contains("CERTIFICATE_UNTRUSTED"), untrusted.out());
    }

    private static VerifyRun run(Path file) {
        return VerifyRun.of(trust, AT, file);
    }
}
