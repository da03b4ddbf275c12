package io.silkgate.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.verify.TrustAnchors;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetachedJwsTest {

    private static final byte[] BODY = "<Invoice>CN-SZ-2026-0001</Invoice>".getBytes(StandardCharsets.UTF_8);
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");

    private final IssuedCertificate gateway = SamplePki.load("silkgate/gateway");
    private final TrustAnchors gatewayRoot = TrustAnchors.of(List.of(SamplePki.certificate("silkgate/root-ca.pem")),
            List.of());
    private final DetachedJwsVerifier verifier = new DetachedJwsVerifier(gatewayRoot);

    @Test
    void signedBodyVerifiesAgainstTheGatewayRoot() throws Exception {
        String jws = new DetachedJwsSigner(gateway.privateKey(), gateway.chain()).sign(BODY);

        JwsCheck check = verifier.verify(jws, BODY, AT);

        assertTrue(check.valid(), check.message());
        assertEquals("RS256", check.algorithm());
        assertEquals(gateway.certificate().getSubjectX500Principal().getName(), check.signer());
        assertNull(check.message());
        assertTrue(jws.contains(".."), "detached: the payload part is empty");
        assertTrue(verifier.verify(jws, BODY).valid(), "valid now as well");
    }

    @Test
    void headerNamesTheLeafByThumbprintAndLeavesTheRootOut() throws Exception {
        String jws = new DetachedJwsSigner(gateway.privateKey(), gateway.chain()).sign(BODY);

        JWSHeader header = JWSHeader.parse(new Base64URL(jws.substring(0, jws.indexOf('.'))));

        String thumbprint = Base64URL.encode(MessageDigest.getInstance("SHA-256")
                .digest(gateway.certificate().getEncoded())).toString();
        assertEquals(JWSAlgorithm.RS256, header.getAlgorithm());
        assertEquals(thumbprint, header.getKeyID());
        assertEquals(thumbprint, header.getX509CertSHA256Thumbprint().toString());
        assertEquals(List.of(Base64.encode(gateway.certificate().getEncoded())), header.getX509CertChain());
    }

    @Test
    void p256KeySignsEs256WithItsIntermediateInX5c() {
        IssuedCertificate root = CertificateIssuer.selfSignedRoot("CN=JWS Root,O=Test,C=XX",
                CertificateIssuer.ecKeyPair("secp256r1"), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2030-01-01T00:00:00Z"));
        IssuedCertificate ca = CertificateIssuer.issueCa(root, "CN=JWS CA,O=Test,C=XX",
                CertificateIssuer.ecKeyPair("secp256r1"), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2030-01-01T00:00:00Z"));
        IssuedCertificate leaf = CertificateIssuer.issueEndEntity(ca, "CN=JWS Partner,O=Test,C=XX",
                CertificateIssuer.ecKeyPair("secp256r1"), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2030-01-01T00:00:00Z"));
        String jws = new DetachedJwsSigner(leaf.privateKey(), leaf.chain()).sign(BODY);

        JwsCheck check = new DetachedJwsVerifier(TrustAnchors.of(List.of(root.certificate()), List.of()))
                .verify(jws, BODY, AT);

        assertTrue(check.valid(), check.message());
        assertEquals("ES256", check.algorithm());
    }

    @Test
    void modifiedBodyFails() {
        String jws = new DetachedJwsSigner(gateway.privateKey(), gateway.chain()).sign(BODY);
        byte[] changed = "<Invoice>CN-SZ-2026-0002</Invoice>".getBytes(StandardCharsets.UTF_8);

        JwsCheck check = verifier.verify(jws, changed, AT);

        assertFalse(check.valid());
        assertTrue(check.message().contains("does not match the body"), check.message());
    }

    @Test
    void unsecuredAlgNoneFails() {
        String header = Base64URL.encode("{\"alg\":\"none\"}").toString();

        JwsCheck check = verifier.verify(header + "..", BODY, AT);

        assertFalse(check.valid());
        assertTrue(check.message().contains("none"), check.message());
    }

    @Test
    void hmacSignatureFailsEvenWithAGenuineCertificateInX5c() throws Exception {
        JWSObject forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .x509CertChain(List.of(Base64.encode(gateway.certificate().getEncoded()))).build(),
                new Payload(BODY));
        forged.sign(new MACSigner(new byte[32]));

        JwsCheck check = verifier.verify(forged.serialize(true), BODY, AT);

        assertFalse(check.valid());
        assertEquals("HS256", check.algorithm());
        assertTrue(check.message().contains("HMAC"), check.message());
    }

    @Test
    void chainToAnUntrustedRootFails() throws Exception {
        IssuedCertificate impostor = SamplePki.load("rogue/exporter-impostor");
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .x509CertChain(List.of(Base64.encode(impostor.certificate().getEncoded()))).build(),
                new Payload(BODY));
        jws.sign(new RSASSASigner(impostor.privateKey()));

        JwsCheck check = verifier.verify(jws.serialize(true), BODY, AT);

        assertFalse(check.valid());
        assertTrue(check.message().contains("no certification path"), check.message());
    }

    @Test
    void headersPointingAtOtherKeysAreRefusedAndNeverFetched() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            trap.setSoTimeout(200);
            URI local = URI.create("http://127.0.0.1:" + trap.getLocalPort() + "/keys");
            List<JWSHeader.Builder> tricks = List.of(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).jwkURL(local),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).x509CertURL(local),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(new com.nimbusds.jose.jwk.RSAKey.Builder(
                            (java.security.interfaces.RSAPublicKey) gateway.certificate().getPublicKey()).build()));
            for (JWSHeader.Builder trick : tricks) {
                // a genuine signature by the genuine gateway key: only the header's pointer is wrong
                JWSObject jws = new JWSObject(trick.x509CertChain(List.of(Base64.encode(
                        gateway.certificate().getEncoded()))).build(), new Payload(BODY));
                jws.sign(new RSASSASigner(gateway.privateKey()));

                JwsCheck check = verifier.verify(jws.serialize(true), BODY, AT);

                assertFalse(check.valid());
                assertTrue(check.message().contains("outside x5c"), check.message());
            }
            assertThrows(java.net.SocketTimeoutException.class, trap::accept, "nothing may connect to a jku/x5u");
        }
    }

    @Test
    void kidIsALabelNotALookUp() throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("../../../etc/passwd' OR 1=1")
                .x509CertChain(List.of(Base64.encode(gateway.certificate().getEncoded()))).build(), new Payload(BODY));
        jws.sign(new RSASSASigner(gateway.privateKey()));

        assertTrue(verifier.verify(jws.serialize(true), BODY, AT).valid(), "the key is the x5c leaf, whatever kid says");
    }

    @Test
    void unknownCriticalHeadersAndAnUncriticalB64AreRefused() throws Exception {
        for (JWSHeader.Builder h : List.of(
                new JWSHeader.Builder(JWSAlgorithm.RS256).criticalParams(java.util.Set.of("urn:x:unknown"))
                        .customParam("urn:x:unknown", true),
                // RFC 7797: b64 must be listed in crit, or the header is not understood alike by every verifier
                new JWSHeader.Builder(JWSAlgorithm.RS256).base64URLEncodePayload(false))) {
            JWSObject jws = new JWSObject(h.x509CertChain(List.of(Base64.encode(gateway.certificate().getEncoded())))
                    .build(), new Payload(BODY));
            jws.sign(new RSASSASigner(gateway.privateKey()));
            String compact = jws.getHeader().toBase64URL() + ".." + jws.getSignature();

            assertFalse(verifier.verify(compact, BODY, AT).valid(), h.build().toString());
        }
        assertFalse(verifier.verify("e" + "A".repeat(70_000) + "..sig", BODY, AT).valid());
    }

    @Test
    void jwsWithAnEmbeddedPayloadIsNotDetached() {
        String jws = new DetachedJwsSigner(gateway.privateKey(), gateway.chain()).sign(BODY);
        String attached = jws.replace("..", "." + Base64URL.encode(BODY) + ".");

        JwsCheck check = verifier.verify(attached, BODY, AT);

        assertFalse(check.valid());
        assertTrue(check.message().startsWith("not a detached JWS"), check.message());
    }

    @Test
    void signerRefusesAKeyThatDoesNotMatchTheCertificate() {
        IssuedCertificate other = SamplePki.load("cn/exporter-shenzhen");

        assertThrows(IllegalArgumentException.class,
                () -> new DetachedJwsSigner(other.privateKey(), gateway.chain()));
    }
}
