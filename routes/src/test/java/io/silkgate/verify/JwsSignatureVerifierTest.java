package io.silkgate.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.Base64URL;
import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.schemas.ErrorCode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The JWS of a JSON document: the accepted shapes, and every forgery refused with its contract code. */
class JwsSignatureVerifierTest {

    private static final Instant AT = TestPki.AT;
    private static final TestPki PKI = new TestPki("JWS");
    private static final IssuedCertificate SIGNER = PKI.endEntity("Honest Carrier");
    private static final byte[] PAYLOAD = "{\"transportDocumentReference\":\"TD-1\",\"n\":1}"
            .getBytes(StandardCharsets.UTF_8);

    private final JwsSignatureVerifier verifier = new JwsSignatureVerifier(new CertificatePathValidator());

    private JwsSignatureVerifier.Outcome attached(String jws) {
        return verifier.verifyAttached(jws, leaf -> PKI.anchors(), AT);
    }

    private static void assertRefused(ErrorCode code, String fragment, JwsSignatureVerifier.Outcome outcome) {
        VerificationResult result = outcome.result();
        assertFalse(result.ok(), result::toString);
        assertEquals(code, result.firstFailure(), result::toString);
        assertTrue(result.toString().contains(fragment), () -> "expected '" + fragment + "' in " + result);
        assertNull(outcome.payload(), "a refused JWS yields no payload");
    }

    @Test
    void attachedEs256IsAcceptedAndYieldsThePayloadBytes() {
        JwsSignatureVerifier.Outcome outcome = attached(TestJws.attached(SIGNER, JWSAlgorithm.ES256, PAYLOAD));

        assertTrue(outcome.result().ok(), outcome.result()::toString);
        assertArrayEquals(PAYLOAD, outcome.payload());
        SignatureReport report = outcome.result().signatures().get(0);
        assertEquals("ES256", report.algorithm());
        assertTrue(report.signer().contains("Honest Carrier"));
        assertTrue(report.coversDocument());
        assertEquals(3, report.certificatePath().size(), report::toString);
    }

    @Test
    void detachedRs256AndPs256AreAccepted() {
        IssuedCertificate rsa = PKI.endEntity("RSA Carrier", CertificateIssuer.rsaKeyPair(2048), TestPki.START,
                TestPki.END);
        for (JWSAlgorithm alg : new JWSAlgorithm[] {JWSAlgorithm.RS256, JWSAlgorithm.PS256}) {
            String jws = TestJws.detached(rsa, alg, PAYLOAD);
            assertTrue(jws.contains(".."), jws);

            JwsSignatureVerifier.Outcome outcome = verifier.verifyDetached(PAYLOAD, jws, leaf -> PKI.anchors(), AT);

            assertTrue(outcome.result().ok(), outcome.result()::toString);
            assertArrayEquals(PAYLOAD, outcome.payload());
        }
    }

    @Test
    void es384AndEdDsaAreAccepted() throws Exception {
        IssuedCertificate p384 = PKI.endEntity("P-384 Carrier", CertificateIssuer.ecKeyPair("secp384r1"),
                TestPki.START, TestPki.END);
        IssuedCertificate ed = PKI.endEntity("Ed25519 Carrier",
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), TestPki.START, TestPki.END);

        assertTrue(attached(TestJws.attached(p384, JWSAlgorithm.ES384, PAYLOAD)).result().ok());
        JwsSignatureVerifier.Outcome eddsa = attached(TestJws.eddsa(ed, PAYLOAD));
        assertTrue(eddsa.result().ok(), eddsa.result()::toString);
        assertEquals("EdDSA", eddsa.result().signatures().get(0).algorithm());
    }

    @Test
    void tamperedPayloadIsInvalid() {
        String jws = TestJws.attached(SIGNER, JWSAlgorithm.ES256, PAYLOAD);
        String[] parts = jws.split("\\.");
        String tampered = parts[0] + "." + Base64URL.encode(new String(PAYLOAD, StandardCharsets.UTF_8)
                .replace("\"n\":1", "\"n\":2")) + "." + parts[2];

        assertRefused(ErrorCode.SIGNATURE_INVALID, "does not verify", attached(tampered));
        byte[] changed = new String(PAYLOAD, StandardCharsets.UTF_8).replace("TD-1", "TD-2")
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(ErrorCode.SIGNATURE_INVALID, "does not verify", verifier.verifyDetached(changed,
                TestJws.detached(SIGNER, JWSAlgorithm.ES256, PAYLOAD), leaf -> PKI.anchors(), AT));
    }

    @Test
    void algNoneAndHmacAreRefused() throws Exception {
        String x5c = TestJws.quoted(TestJws.x5c(SIGNER));
        String none = Base64URL.encode("{\"alg\":\"none\",\"x5c\":[" + x5c + "]}") + "."
                + Base64URL.encode(PAYLOAD) + ".";
        String hmacHeader = "{\"alg\":\"HS256\",\"x5c\":[" + x5c + "]}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        String input = Base64URL.encode(hmacHeader) + "." + Base64URL.encode(PAYLOAD);
        String hs256 = input + "." + Base64URL.encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));

        assertRefused(ErrorCode.SIGNATURE_INVALID, "", attached(none));
        assertRefused(ErrorCode.SIGNATURE_INVALID, "HMAC", attached(hs256));
        assertRefused(ErrorCode.SIGNATURE_INVALID, "none", attached(TestJws.raw(
                "{\"alg\":\"none\",\"x5c\":[" + x5c + "]}", PAYLOAD, new byte[] {1})));
    }

    @Test
    void keysNamedOutsideX5cAreRefused() throws Exception {
        URI elsewhere = URI.create("https://attacker.example/keys");
        assertRefused(ErrorCode.SIGNATURE_INVALID, "jku", attached(TestJws.sign(SIGNER, JWSAlgorithm.ES256, PAYLOAD,
                h -> h.jwkURL(elsewhere), false)));
        assertRefused(ErrorCode.SIGNATURE_INVALID, "x5u", attached(TestJws.sign(SIGNER, JWSAlgorithm.ES256, PAYLOAD,
                h -> h.x509CertURL(elsewhere), false)));
        com.nimbusds.jose.jwk.ECKey jwk = new com.nimbusds.jose.jwk.ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256,
                (java.security.interfaces.ECPublicKey) SIGNER.certificate().getPublicKey()).build();
        assertRefused(ErrorCode.SIGNATURE_INVALID, "jwk", attached(TestJws.sign(SIGNER, JWSAlgorithm.ES256, PAYLOAD,
                h -> h.jwk(jwk), false)));
        assertRefused(ErrorCode.SIGNATURE_INVALID, "no x5c", attached(TestJws.sign(SIGNER, JWSAlgorithm.ES256,
                PAYLOAD, h -> h.x509CertChain(null).keyID("carrier"), false)));
    }

    @Test
    void unknownCriticalParameterIsRefused() {
        assertRefused(ErrorCode.SIGNATURE_INVALID, "critical", attached(TestJws.sign(SIGNER, JWSAlgorithm.ES256,
                PAYLOAD, h -> h.customParam("exp-policy", "x").criticalParams(Set.of("exp-policy")), false)));
    }

    @Test
    void chainToAnotherAnchorIsUntrusted() {
        IssuedCertificate stranger = new TestPki("Stranger").endEntity("Stranger Carrier");

        assertRefused(ErrorCode.CERTIFICATE_UNTRUSTED, "", attached(TestJws.attached(stranger, JWSAlgorithm.ES256,
                PAYLOAD)));
    }

    @Test
    void rsa1024IsRefused() {
        IssuedCertificate weak = PKI.endEntity("Weak Carrier", CertificateIssuer.rsaKeyPair(1024), TestPki.START,
                TestPki.END);

        assertRefused(ErrorCode.SIGNATURE_INVALID, "1024", attached(TestJws.attached(weak, JWSAlgorithm.RS256,
                PAYLOAD)));
    }

    @Test
    void twoSignaturesInJsonSerialisationAreRefused() {
        String one = TestJws.attached(SIGNER, JWSAlgorithm.ES256, PAYLOAD);
        String two = TestJws.attached(PKI.endEntity("Second Carrier"), JWSAlgorithm.ES256, PAYLOAD);
        String[] a = one.split("\\.");
        String[] b = two.split("\\.");
        String general = "{\"payload\":\"" + a[1] + "\",\"signatures\":[{\"protected\":\"" + a[0]
                + "\",\"signature\":\"" + a[2] + "\"},{\"protected\":\"" + b[0] + "\",\"signature\":\"" + b[2] + "\"}]}";

        assertRefused(ErrorCode.SIGNATURE_INVALID, "2 signatures", attached(general));
    }

    @Test
    void expiredAndRevokedSignersAreRefusedWithTheirCodes() {
        IssuedCertificate expired = PKI.endEntity("Expired Carrier", TestPki.ec(), TestPki.START,
                Instant.parse("2026-03-01T00:00:00Z"));
        IssuedCertificate revoked = SamplePki.load("cn/exporter-revoked");
        JWSAlgorithm revokedAlg = revoked.privateKey() instanceof java.security.interfaces.ECPrivateKey
                ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;

        assertRefused(ErrorCode.CERTIFICATE_EXPIRED, "", attached(TestJws.attached(expired, JWSAlgorithm.ES256,
                PAYLOAD)));
        assertRefused(ErrorCode.CERTIFICATE_REVOKED, "", verifier.verifyAttached(
                TestJws.attached(revoked, revokedAlg, PAYLOAD), leaf -> TestPki.sample("cn"), AT));
    }

    @Test
    void algorithmMustFitTheKey() {
        // an ES256 header on a P-384 key, and RS384 (not in the accepted list)
        IssuedCertificate p384 = PKI.endEntity("P-384", CertificateIssuer.ecKeyPair("secp384r1"), TestPki.START,
                TestPki.END);
        String es384 = TestJws.attached(p384, JWSAlgorithm.ES384, PAYLOAD);
        String relabelled = Base64URL.encode(new String(Base64URL.from(es384.split("\\.")[0]).decode(),
                StandardCharsets.UTF_8).replace("ES384", "ES256")) + es384.substring(es384.indexOf('.'));
        IssuedCertificate rsa = PKI.endEntity("RS384", CertificateIssuer.rsaKeyPair(2048), TestPki.START,
                TestPki.END);

        assertRefused(ErrorCode.SIGNATURE_INVALID, "cannot make ES256", attached(relabelled));
        assertRefused(ErrorCode.SIGNATURE_INVALID, "RS384", attached(TestJws.attached(rsa, JWSAlgorithm.RS384,
                PAYLOAD)));
    }

    @Test
    void shapesThatAreNotOneCompactJwsAreRefused() {
        String attached = TestJws.attached(SIGNER, JWSAlgorithm.ES256, PAYLOAD);

        assertRefused(ErrorCode.SIGNATURE_MISSING, "no JWS", attached(" "));
        assertRefused(ErrorCode.SIGNATURE_INVALID, "compact", attached("not a jws"));
        assertRefused(ErrorCode.SIGNATURE_INVALID, "empty payload part", verifier.verifyDetached(PAYLOAD, attached,
                leaf -> PKI.anchors(), AT));
        String duplicateAlg = TestJws.raw("{\"alg\":\"ES256\",\"alg\":\"none\"}", PAYLOAD, new byte[] {1});
        assertRefused(ErrorCode.SIGNATURE_INVALID, "header", attached(duplicateAlg));
    }
}
