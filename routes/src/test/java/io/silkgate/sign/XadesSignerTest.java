package io.silkgate.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.en16931.InvoiceConverter;
import io.silkgate.schemas.validation.InvoiceValidator;
import io.silkgate.verify.CertificatePathValidator;
import io.silkgate.verify.TrustAnchors;
import io.silkgate.verify.VerificationResult;
import io.silkgate.verify.XmlSignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The gateway's own XAdES-BES on converted outputs: verifiable with the gateway's root, and still valid per format. */
class XadesSignerTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final IssuedCertificate GATEWAY = SamplePki.load("silkgate/gateway");
    private static final XadesSigner SIGNER = new XadesSigner(GATEWAY.privateKey(), GATEWAY.chain(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private static final TrustAnchors GATEWAY_TRUST = TrustAnchors.of(
            List.of(SamplePki.certificate("silkgate/root-ca.pem")), List.of());
    private static final InvoiceValidator RULES = new InvoiceValidator();

    private final XmlSignatureVerifier verifier = new XmlSignatureVerifier(new CertificatePathValidator());

    private static byte[] converted(String to) {
        // in VND, so that the Vietnamese output needs no exchange rate
        byte[] ubl = new String(SamplePki.document("invoice-cn-vn.xml"), StandardCharsets.UTF_8).replace("USD", "VND")
                .getBytes(StandardCharsets.UTF_8);
        return new InvoiceConverter().convert(SecureXml.parse(ubl).getDocumentElement(), "ubl", to).document();
    }

    private VerificationResult verify(byte[] signed, TrustAnchors anchors) {
        return verifier.verify(SecureXml.parse(signed), (element, signer) -> anchors, NOW);
    }

    @Test
    void ublOutputCarriesAnEnvelopedXadesInItsSignatureExtensionAndStaysValid() {
        byte[] signed = SIGNER.sign(converted("ubl"), "ubl").orElseThrow();

        VerificationResult result = verify(signed, GATEWAY_TRUST);
        assertTrue(result.ok(), result::toString);
        Document document = SecureXml.parse(signed);
        assertEquals(document.getDocumentElement().getLocalName(), result.signedElement().getLocalName());
        Element first = (Element) document.getDocumentElement().getFirstChild();
        assertEquals("UBLExtensions", first.getLocalName());
        assertEquals(1, first.getElementsByTagNameNS(XadesSigner.SAC, "SignatureInformation").getLength());
        List<Problem> errors = RULES.validate("ubl", SecureXml.parse(signed));
        assertEquals(List.of(), errors);
    }

    @Test
    void vietnameseOutputIsSignedInDscksNbanOverItsDlhdon() {
        byte[] signed = SIGNER.sign(converted("vn-tt78"), "vn-tt78").orElseThrow();

        VerificationResult result = verify(signed, GATEWAY_TRUST);
        assertTrue(result.ok(), result::toString);
        assertEquals("DLHDon", result.signedElement().getLocalName());
        String text = new String(signed, StandardCharsets.UTF_8);
        assertTrue(text.contains("URI=\"#DLHDon\""), text);
        assertEquals(List.of(), RULES.validate("vn-tt78", SecureXml.parse(signed)));
    }

    @Test
    void theSignatureCoversTheContent() {
        String signed = new String(SIGNER.sign(converted("ubl"), "ubl").orElseThrow(), StandardCharsets.UTF_8);
        String tampered = signed.replaceFirst("<cbc:ID>[^<]*</cbc:ID>", "<cbc:ID>FORGED-1</cbc:ID>");
        assertFalse(tampered.equals(signed));

        VerificationResult result = verify(tampered.getBytes(StandardCharsets.UTF_8), GATEWAY_TRUST);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
    }

    @Test
    void onlyTheGatewaysAnchorsVouchForIt() {
        byte[] signed = SIGNER.sign(converted("ubl"), "ubl").orElseThrow();

        VerificationResult result = verify(signed, TrustAnchors.of(List.of(SamplePki.certificate("cn/root-ca.pem")),
                List.of()));

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.firstFailure());
    }

    @Test
    void formatsWithoutASlotAndSignedDocumentsAreLeftToTheDetachedJws() {
        assertTrue(SIGNER.sign(converted("cii"), "cii").isEmpty());
        assertTrue(SIGNER.sign(converted("peppol-bis3"), "peppol-bis3").isEmpty());
        assertTrue(SIGNER.sign(SamplePki.document("invoice-cn-vn.signed.xml"), "ubl").isEmpty());
    }

    @Test
    void peppolRulesRejectAnyEnvelopedSignatureWhichIsWhyPeppolOutputsAreNotSigned() {
        byte[] peppol = converted("peppol-bis3");
        Document document = SecureXml.parse(SIGNER.sign(peppol, "ubl").orElseThrow());

        List<Problem> errors = RULES.validate("peppol-bis3", document);

        assertTrue(errors.stream().anyMatch(p -> p.message().startsWith("[PEPPOL-EN16931-R008]")), errors::toString);
    }
}
