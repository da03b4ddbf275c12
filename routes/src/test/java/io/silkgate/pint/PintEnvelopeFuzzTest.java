package io.silkgate.pint;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Any bytes sent as a PINT envelope give a checked envelope or a PINT rejection (BENV, BSIG) — never another
 * exception: the envelope parser, the JWS checks and the chain walk all meet hostile input here. Seeds:
 * {@code PintEnvelopeFuzzTestInputs/} beside this class in the test resources.
 */
class PintEnvelopeFuzzTest {

    private static final PintFixture FIXTURE = new PintFixture();
    private static final EnvelopeVerifier VERIFIER = FIXTURE.verifier(TransportDocumentCheck.DCSA_STRUCTURE);
    private static final byte[] VALID = FIXTURE.toBank(List.of());
    private static final Set<PintResponseCode> REFUSALS = Set.of(PintResponseCode.BENV, PintResponseCode.BSIG);

    @FuzzTest(maxDuration = "10m")
    void anyBytesAreAnEnvelopeOrAPintRejection(byte[] body) {
        check(body);
    }

    /** A valid envelope with bytes flipped, cut or inserted: signatures and checksums must catch every change. */
    @FuzzTest(maxDuration = "10m")
    void aMutatedEnvelopeIsRefusedUnlessUnchanged(FuzzedDataProvider data) {
        String text = new String(VALID, StandardCharsets.UTF_8);
        int at = data.consumeInt(0, text.length() - 1);
        String mutated = text.substring(0, at) + data.consumeString(40)
                + text.substring(Math.min(text.length(), at + data.consumeInt(0, 40)));
        check(mutated.getBytes(StandardCharsets.UTF_8));
    }

    private static void check(byte[] body) {
        try {
            assertNotNull(VERIFIER.check(body));
        } catch (PintRejection e) {
            assertTrue(REFUSALS.contains(e.code()), "unexpected code " + e.code() + ": " + e.getMessage());
        }
    }
}
