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
    void chainToAnUntrustedRootFailsAndJkuIsNotFollowed() throws Exception {
        IssuedCertificate impostor = SamplePki.load("rogue/exporter-impostor");
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .jwkURL(URI.create("https://attacker.invalid/keys.json"))
                .x509CertURL(URI.create("https://attacker.invalid/cert.pem"))
                .x509CertChain(List.of(Base64.encode(impostor.certificate().getEncoded()))).build(),
                new Payload(BODY));
        jws.sign(new RSASSASigner(impostor.privateKey()));

        JwsCheck check = verifier.verify(jws.serialize(true), BODY, AT);

        assertFalse(check.valid());
        assertTrue(check.message().contains("no certification path"), check.message());
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
