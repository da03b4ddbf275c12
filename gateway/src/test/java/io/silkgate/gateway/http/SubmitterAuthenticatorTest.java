package io.silkgate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubmitterAuthenticatorTest {

    private final SubmitterAuthenticator auth = new SubmitterAuthenticator(
            Map.of("k-acme-0123456789abcdef", "acme", "k-globex-0123456789abcdef", "globex"));

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
        SubmitterAuthenticator open = new SubmitterAuthenticator(Map.of());
        assertEquals(Optional.of(SubmitterAuthenticator.ANONYMOUS), open.submitterOf(null));
    }
}
