package io.silkgate.routes;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.DocumentFacts;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.verify.RevocationStatus;
import io.silkgate.verify.SignatureReport;
import io.silkgate.verify.SignerRole;
import io.silkgate.verify.VerificationResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class SignerAuthorizationTest {

    private static final String SIGNER = "CN=Shenzhen Sample Exporter Co. Ltd,O=Shenzhen Sample Exporter Co. Ltd,C=CN";

    @Test
    void aSignerMayIssueForItsConfiguredParty() {
        SignerAuthorization step = new SignerAuthorization(Map.of(
                "CN=Shenzhen Sample Exporter Co. Ltd, O=Shenzhen Sample Exporter Co. Ltd, C=CN", Set.of("VA:CN123")));
        assertDoesNotThrow(() -> step.process(exchange(List.of("0088:1", "VA:CN123"))));
    }

    @Test
    void aSignerIssuingForAnotherPartyIsNotAuthorised() {
        SignerAuthorization step = new SignerAuthorization(Map.of(SIGNER, Set.of("VA:CN999")));
        var e = assertThrows(DocumentRejectedException.class, () -> step.process(exchange(List.of("VA:CN123"))));
        assertEquals(ErrorCode.SIGNER_NOT_AUTHORIZED, e.code());
        assertTrue(e.getMessage().contains("VA:CN123"), e.getMessage());
    }

    @Test
    void aTrustedSignerWithoutAnyRuleIsNotAuthorisedOnceRulesExist() {
        SignerAuthorization step = new SignerAuthorization(Map.of("CN=Someone Else, C=DE", Set.of("VA:DE1")));
        assertEquals(ErrorCode.SIGNER_NOT_AUTHORIZED, assertThrows(DocumentRejectedException.class,
                () -> step.process(exchange(List.of("VA:CN123")))).code());
    }

    @Test
    void withoutRulesEveryTrustedSignerMayIssue() {
        assertDoesNotThrow(() -> new SignerAuthorization(Map.of()).process(exchange(List.of("VA:CN123"))));
    }

    @Test
    void aCountersignatureAuthorisesNothingAndNeedsNoRule() {
        // the tax authority countersigns every HDon; only the seller's signature is held to the party mapping
        SignatureReport taxAuthority = new SignatureReport(true, "CN=Tax Authority, C=VN", "rsa-sha256", true,
                List.of(), RevocationStatus.GOOD, null, null, List.of(), null, SignerRole.TAX_AUTHORITY);
        SignerAuthorization step = new SignerAuthorization(Map.of(SIGNER, Set.of("VA:CN123")));
        assertDoesNotThrow(() -> step.process(exchange(List.of("VA:CN123"), taxAuthority)));
    }

    private static Exchange exchange(List<String> issuerParties, SignatureReport... more) {
        IntakeContext ctx = new IntakeContext(new Submission(new byte[] {1}, "application/xml", "anonymous", null,
                List.of()));
        SignatureReport signature = new SignatureReport(true, SIGNER, "rsa-sha256", true, List.of(SIGNER),
                RevocationStatus.GOOD, null, null);
        List<SignatureReport> signatures = new java.util.ArrayList<>(List.of(signature));
        signatures.addAll(List.of(more));
        ctx.verified(new VerificationResult(signatures, List.of(), null),
                new DocumentFacts("ubl", "invoice", "INV-1", "CN", "VN", issuerParties), null);
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(IntakeContext.PROPERTY, ctx);
        return exchange;
    }
}
