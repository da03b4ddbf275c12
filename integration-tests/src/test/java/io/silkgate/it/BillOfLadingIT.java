package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.util.Base64URL;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.sign.DetachedJwsSigner;
import io.silkgate.sign.JwsCheck;
import io.silkgate.sign.DetachedJwsVerifier;
import io.silkgate.verify.CertificatePathValidator;
import io.silkgate.verify.JwsSignatureVerifier;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DCSA bills of lading at {@code POST /api/v1/documents}, signed with a JWS by the sample Singapore carrier: accepted
 * as a compact JWS or as JSON with a detached JWS, routed by family, delivered as an IFTMCS copy and as a
 * gateway-signed JWS; forgeries and a carrier key signing for another carrier are rejected and nothing is delivered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(240)
class BillOfLadingIT {

    private static final String SAMPLE_REFERENCE = "SLKSHA2606001";

    @TempDir
    static Path dataDir;

    private final StubPartner customs = new StubPartner(StubPartner.Mode.ACCEPT);
    private final StubPartner platform = new StubPartner(StubPartner.Mode.ACCEPT);
    private final IssuedCertificate carrier = SamplePki.load("sg/carrier-singapore");
    private final DetachedJwsSigner carrierJws = new DetachedJwsSigner(carrier.privateKey(),
            carrier.chain().subList(0, carrier.chain().size() - 1));
    private GatewayProcess gateway;

    @BeforeAll
    void startGateway() {
        String carrierDn = carrier.certificate().getSubjectX500Principal().getName();
        gateway = new GatewayProcess(dataDir, "signers:\n"
                + "  - { subject: \"" + carrierDn + "\", parties: [\"SCAC:SLKG\"] }\n"
                + "partners:\n"
                + "  - { id: sg-customs, country: SG, format: iftmcs, endpoint: { type: rest, url: \""
                + customs.url() + "\" } }\n"
                + "  - { id: sg-platform, country: SG, format: dcsa-td3, json-signature: jws, endpoint: { type: rest,"
                + " url: \"" + platform.url() + "\" } }\n"
                + "routing:\n"
                + "  - { family: bill-of-lading, buyer-country: SG, to: [sg-customs, sg-platform] }\n")
                .trust("  - { country: SG, anchors: pki/sg/root-ca.pem, crl: pki/sg/issuing-ca.crl }\n");
        gateway.start();
    }

    @AfterAll
    void stopEverything() throws Exception {
        CloseAll.of(gateway, customs, platform);
    }

    /** The sample bill of lading under a reference of its own, so no test is another's duplicate. */
    private static byte[] billOfLading(String carrierCode) {
        String reference = "SLKIT" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        return new String(SamplePki.document("bl-cn-sg.json"), StandardCharsets.UTF_8)
                .replace(SAMPLE_REFERENCE, reference).replace("\"SLKG\"", "\"" + carrierCode + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpAnswer submitJose(String jws) {
        return gateway.submit(jws.getBytes(StandardCharsets.US_ASCII), "application/jose");
    }

    private HttpAnswer submitDetached(byte[] json, String jws) {
        String boundary = "silkgate-it-" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"\r\n"
                + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        form.writeBytes(json);
        form.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"signature\"\r\n"
                + "Content-Type: application/jose\r\n\r\n" + jws + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return gateway.submit(form.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private JsonNode awaitDelivered(String id) {
        return gateway.awaitDocument(id, "delivered to both partners",
                d -> "DELIVERED".equals(d.path("status").asText()), Duration.ofSeconds(60));
    }

    private void assertRejected(HttpAnswer answer, String code) {
        assertEquals(422, answer.status(), answer::toString);
        assertEquals(code, answer.json().path("code").asText(), answer::toString);
        String id = answer.json().path("id").asText();
        JsonNode status = gateway.document(id);
        assertEquals("REJECTED", status.path("status").asText(), status::toString);
        assertEquals(0, status.path("deliveries").size(), status::toString);
        assertTrue(customs.requestsFor(id).isEmpty() && platform.requestsFor(id).isEmpty(), "nothing delivered");
    }

    @Test
    void compactJwsBillIsDeliveredAsIftmcsAndAsAGatewaySignedJws() {
        byte[] td = billOfLading("SLKG");

        HttpAnswer answer = submitJose(carrierJws.signAttached(td));

        assertEquals(202, answer.status(), answer::toString);
        assertEquals("dcsa-td3", answer.json().path("format").asText());
        String id = answer.json().path("id").asText();
        awaitDelivered(id);
        StubPartner.Request edifact = customs.acceptedFor(id).get(0);
        assertTrue(new String(edifact.body(), StandardCharsets.UTF_8).contains("IFTMCS"), edifact::toString);
        StubPartner.Request jose = platform.acceptedFor(id).get(0);
        assertEquals("application/jose", jose.header("Content-Type"));
        String outbound = new String(jose.body(), StandardCharsets.US_ASCII);
        JwsSignatureVerifier.Outcome check = new JwsSignatureVerifier(new CertificatePathValidator())
                .verifyAttached(outbound, leaf -> Samples.gatewayRoot(dataDir.resolve("pki")), Instant.now());
        assertTrue(check.result().ok(), check.result()::toString);
        assertArrayEquals(td, check.payload(), "the partner gets the carrier's signed bytes, never re-serialised");
        JwsCheck header = new DetachedJwsVerifier(Samples.gatewayRoot(dataDir.resolve("pki")))
                .verify(jose.header("Silkgate-Signature"), jose.body());
        assertTrue(header.valid(), header::toString);
    }

    @Test
    void jsonWithDetachedJwsIsAccepted() {
        byte[] td = billOfLading("SLKG");

        HttpAnswer answer = submitDetached(td, carrierJws.sign(td));

        assertEquals(202, answer.status(), answer::toString);
        awaitDelivered(answer.json().path("id").asText());
        JsonNode evidence = gateway.get("/api/v1/documents/" + answer.json().path("id").asText() + "/evidence")
                .json();
        JsonNode signature = evidence.path("report").path("signatures").get(0);
        assertTrue(signature.path("valid").asBoolean(), evidence::toString);
        assertTrue(signature.path("signer").asText().contains("Singapore Sample Carrier"), evidence::toString);
        assertNotNull(evidence.path("report").path("detachedSignature").asText(null), evidence::toString);
    }

    @Test
    void forgeriesAreRejectedWithTheirCodesAndNothingIsDelivered() {
        byte[] td = billOfLading("SLKG");
        String jws = carrierJws.signAttached(td);
        String[] parts = jws.split("\\.");
        String tampered = parts[0] + "." + Base64URL.encode(new String(td, StandardCharsets.UTF_8)
                .replace("Yangshan", "Ningbo")) + "." + parts[2];
        String header = new String(Base64URL.from(parts[0]).decode(), StandardCharsets.UTF_8);
        String none = Base64URL.encode(header.replaceFirst("\"alg\":\"[A-Z0-9]+\"", "\"alg\":\"none\"")) + "."
                + parts[1] + ".";
        IssuedCertificate impostor = SamplePki.load("rogue/exporter-impostor");
        String untrusted = new DetachedJwsSigner(impostor.privateKey(), impostor.chain()).signAttached(td);

        assertRejected(submitJose(tampered), "SIGNATURE_INVALID");
        assertRejected(submitJose(none), "SIGNATURE_INVALID");
        assertRejected(submitJose(untrusted), "CERTIFICATE_UNTRUSTED");
        assertRejected(gateway.submit(td, "application/json"), "SIGNATURE_MISSING");
    }

    @Test
    void aCarrierKeySigningForAnotherCarrierIsNotAuthorised() {
        byte[] otherCarrier = billOfLading("MAEU");

        assertRejected(submitJose(carrierJws.signAttached(otherCarrier)), "SIGNER_NOT_AUTHORIZED");
    }

    @Test
    void theOriginalIsTheSubmittedJws() {
        byte[] td = billOfLading("SLKG");
        String jws = carrierJws.signAttached(td);

        HttpAnswer answer = submitJose(jws);

        assertEquals(202, answer.status(), answer::toString);
        HttpAnswer original = gateway.get("/api/v1/documents/" + answer.json().path("id").asText() + "/original");
        assertEquals(jws, new String(original.body(), StandardCharsets.US_ASCII));
    }
}
