package io.silkgate.routes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.verify.CertificatePathValidator;
import io.silkgate.verify.CmsSignatureVerifier;
import io.silkgate.verify.JwsSignatureVerifier;
import io.silkgate.verify.TaxBureauSignatureVerifier;
import io.silkgate.verify.TestJws;
import io.silkgate.verify.TrustAnchors;
import io.silkgate.verify.TrustStore;
import io.silkgate.verify.XmlSignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * A DCSA bill of lading at intake: parse, JWS verification, signer authorisation for its carrier, DCSA rules and the
 * data copies, with the sample PKI's Singapore carrier.
 */
class BillOfLadingIntakeTest {

    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");
    private static final IssuedCertificate CARRIER = SamplePki.load("sg/carrier-singapore");
    private static final String CARRIER_DN = CARRIER.certificate().getSubjectX500Principal().getName();
    private static final JWSAlgorithm ALG = CARRIER.privateKey() instanceof ECPrivateKey ? JWSAlgorithm.ES256
            : JWSAlgorithm.PS256;
    private static final byte[] TD = SamplePki.document("bl-cn-sg.json");
    private static final TrustStore TRUST = new TrustStore(Map.of("SG", TrustAnchors.of(
            List.of(SamplePki.certificate("sg/root-ca.pem")), List.of(SamplePki.crl("sg/issuing-ca.crl")))));

    private static IntakeContext intake(Submission submission, Map<String, Set<String>> signers) {
        IntakeContext ctx = new IntakeContext(submission);
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(IntakeContext.PROPERTY, ctx);
        CertificatePathValidator paths = new CertificatePathValidator();
        DocumentTranslator translator = new DocumentTranslator(null);
        new IntakeParser(null, null).process(exchange);
        new SignatureCheck(new XmlSignatureVerifier(paths), new CmsSignatureVerifier(paths),
                new TaxBureauSignatureVerifier(paths), new JwsSignatureVerifier(paths), () -> TRUST,
                Clock.fixed(AT, ZoneOffset.UTC)).process(exchange);
        new SignerAuthorization(signers).process(exchange);
        new InputValidation(null).process(exchange);
        ctx.routed(List.of(new Destination("customs", "iftmcs"), new Destination("forwarder", "fiata-efbl"),
                new Destination("platform", "dcsa-td3")));
        new OutputConversion(translator).process(exchange);
        return ctx;
    }

    private static Submission jose(String jws) {
        return new Submission(jws.getBytes(StandardCharsets.US_ASCII), "application/jose", "anonymous", null,
                List.of());
    }

    private static Submission detached(byte[] json, String jws) {
        return new Submission(json, "application/json", "anonymous", null, List.of(),
                jws == null ? null : jws.getBytes(StandardCharsets.US_ASCII));
    }

    private static ErrorCode refusal(Submission submission, Map<String, Set<String>> signers) {
        return assertThrows(DocumentRejectedException.class, () -> intake(submission, signers)).code();
    }

    @Test
    void compactJwsBillOfLadingIsAcceptedWithItsCarrierAndCopies() {
        String jws = TestJws.attached(CARRIER, ALG, TD);

        IntakeContext ctx = intake(jose(jws), Map.of());

        assertEquals("dcsa-td3", ctx.format());
        assertEquals("bill-of-lading", ctx.facts().documentType());
        assertEquals("SLKSHA2606001", ctx.facts().businessId());
        assertEquals(List.of("SCAC:SLKG"), ctx.facts().issuerParties());
        assertEquals("CN", ctx.facts().sellerCountry(), "country of the port of loading");
        assertEquals("SG", ctx.facts().buyerCountry(), "country of the port of discharge");
        assertEquals(Set.of("customs", "forwarder"), ctx.conversions().keySet());
        // the dcsa-td3 partner gets the signed payload bytes, unwrapped from the JWS and never re-serialised
        Translation same = new DocumentTranslator(null).translate(jws.getBytes(StandardCharsets.US_ASCII), "dcsa-td3",
                "dcsa-td3");
        assertArrayEquals(TD, same.body());
    }

    @Test
    void jsonWithDetachedJwsIsAcceptedAndATamperedOneIsNot() {
        String jws = TestJws.detached(CARRIER, ALG, TD);
        byte[] tampered = new String(TD, StandardCharsets.UTF_8).replace("SLKSHA2606001", "SLKSHA2606002")
                .getBytes(StandardCharsets.UTF_8);

        assertDoesNotThrow(() -> intake(detached(TD, jws), Map.of()));
        assertEquals(ErrorCode.SIGNATURE_INVALID, refusal(detached(tampered, jws), Map.of()));
    }

    @Test
    void unsignedJsonIsSignatureMissing() {
        assertEquals(ErrorCode.SIGNATURE_MISSING, refusal(detached(TD, null), Map.of()));
    }

    @Test
    void aCarrierKeyMayOnlyIssueForItsCarrier() {
        String jws = TestJws.attached(CARRIER, ALG, TD);

        assertDoesNotThrow(() -> intake(jose(jws), Map.of(CARRIER_DN, Set.of("SCAC:SLKG"))));
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> intake(jose(jws), Map.of(CARRIER_DN, Set.of("SCAC:MAEU"))));
        assertEquals(ErrorCode.SIGNER_NOT_AUTHORIZED, e.code());
        assertTrue(e.getMessage().contains("SCAC:SLKG"), e.getMessage());
    }

    @Test
    void aSignedBillBreakingTheDcsaRulesIsRejected() {
        byte[] noIssueDate = new String(TD, StandardCharsets.UTF_8).replaceFirst("\"issueDate\"\\s*:\\s*\"[^\"]*\",?",
                "").getBytes(StandardCharsets.UTF_8);

        ErrorCode code = refusal(jose(TestJws.attached(CARRIER, ALG, noIssueDate)), Map.of());

        assertTrue(code == ErrorCode.RULES_INVALID || code == ErrorCode.SCHEMA_INVALID, code::toString);
    }

    @Test
    void aPintEnvelopeIsNotTakenAtThisDoor() {
        byte[] envelope = "{\"envelopeManifestSignedContent\":\"a.b.c\",\"envelopeTransferChain\":[\"a.b.c\"]}"
                .getBytes(StandardCharsets.UTF_8);

        assertEquals(ErrorCode.UNKNOWN_FORMAT, refusal(detached(envelope, "a..c"), Map.of()));
    }
}
