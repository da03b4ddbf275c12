package io.silkgate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.SamplePki;
import io.silkgate.gateway.config.ApiKeyHash;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubmitterAuthenticatorTest {

    private static final X509Certificate SHENZHEN = SamplePki.certificate("tls/client-shenzhen.pem");
    private static final X509Certificate HAMBURG = SamplePki.certificate("tls/client-hamburg.pem");
    private static final X509Certificate STRANGER = SamplePki.certificate("tls/client-stranger.pem");

    private final SubmitterAuthenticator auth = SubmitterAuthenticator.ofKeys(
            Map.of("k-acme-0123456789abcdef", "acme", "k-globex-0123456789abcdef", "globex"));

    private final SubmitterAuthenticator mixed = new SubmitterAuthenticator(
            List.of(new SubmitterAuthenticator.KeyEntry(ApiKeyHash.ofKey("k-shenzhen-0123456789"), "shenzhen"),
                    new SubmitterAuthenticator.KeyEntry(ApiKeyHash.ofHashText("sha256:"
                            + java.util.HexFormat.of().formatHex(ApiKeyHash.sha256("k-hashed-0123456789"))), "hashed")),
            Map.of(SubmitterAuthenticator.fingerprint(SHENZHEN), "shenzhen",
                    SubmitterAuthenticator.fingerprint(HAMBURG), "hamburg"));

    @Test
    void aKnownBearerKeyNamesItsSubmitter() {
        assertEquals(Optional.of("acme"), auth.submitterOf("Bearer k-acme-0123456789abcdef"));
        assertEquals(Optional.of("globex"), auth.submitterOf("bearer  k-globex-0123456789abcdef "));
    }

    @Test
    void missingWrongOrOtherSchemesAreUnauthenticated() {
        assertEquals(Optional.empty(), auth.submitterOf(null));
        assertEquals(Optional.empty(), auth.submitterOf("Bearer k-acme-0123456789abcdeX"));
        assertEquals(Optional.empty(), auth.submitterOf("Basic k-acme-0123456789abcdef"));
        assertEquals(Optional.empty(), auth.submitterOf("Bearer k-acme"));
    }

    @Test
    void withoutSubmittersEveryoneIsAnonymous() {
        SubmitterAuthenticator open = SubmitterAuthenticator.ofKeys(Map.of());
        assertEquals(Optional.of(SubmitterAuthenticator.ANONYMOUS), open.submitterOf(null));
        assertEquals(SubmitterAuthenticator.ANONYMOUS, open.authenticate(null, STRANGER).submitter());
    }

    @Test
    void aKeyConfiguredOnlyAsItsHashIsRecognised() {
        assertEquals("hashed", mixed.authenticate("Bearer k-hashed-0123456789", null).submitter());
        assertFalse(mixed.authenticate("Bearer sha256:" + java.util.HexFormat.of()
                .formatHex(ApiKeyHash.sha256("k-hashed-0123456789")), null).authenticated(),
                "the hash itself is not a key");
    }

    @Test
    void aPinnedClientCertificateNamesItsSubmitterWithoutAKey() {
        assertEquals("shenzhen", mixed.authenticate(null, SHENZHEN).submitter());
        assertEquals("hamburg", mixed.authenticate(null, HAMBURG).submitter());
    }

    @Test
    void anUnpinnedCertificateIsNobodyEvenFromTheSameCa() {
        SubmitterAuthenticator.Result r = mixed.authenticate(null, STRANGER);
        assertFalse(r.authenticated());
        assertTrue(r.failure().contains("no submitter"), r.failure());
        assertFalse(mixed.authenticate("Bearer k-shenzhen-0123456789", STRANGER).authenticated(),
                "a valid key does not excuse an unknown certificate");
    }

    @Test
    void certificateAndKeyMustNameTheSameSubmitter() {
        assertEquals("shenzhen", mixed.authenticate("Bearer k-shenzhen-0123456789", SHENZHEN).submitter());
        SubmitterAuthenticator.Result r = mixed.authenticate("Bearer k-shenzhen-0123456789", HAMBURG);
        assertFalse(r.authenticated());
        assertTrue(r.failure().contains("different submitters"), r.failure());
    }
}
