package io.silkgate.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.SecureXml;
import io.silkgate.verify.CertificatePathValidator;
import io.silkgate.verify.CmsSignatureVerifier;
import io.silkgate.verify.TaxBureauSamples;
import io.silkgate.verify.TaxBureauSignatureVerifier;
import io.silkgate.verify.TrustAnchors;
import io.silkgate.verify.TrustStore;
import io.silkgate.verify.XmlSignatureVerifier;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Intake of a fapiao that carries only the tax bureau's SM2 signature: verified with the CN trust entry. */
class SignatureCheckTaxBureauTest {

    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");
    private static final KeyPair KEYS = TaxBureauSamples.sm2Keys();
    private static final X509Certificate STA = TaxBureauSamples.certificate("CN=Tax Bureau Test,O=Test,C=CN", KEYS,
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2036-01-01T00:00:00Z"));

    private static IntakeContext check(byte[] body, TrustStore trust) {
        CertificatePathValidator paths = new CertificatePathValidator();
        IntakeContext ctx = new IntakeContext(new Submission(body, "application/xml", "anonymous", null, List.of(),
                null));
        ctx.parsed(SecureXml.parse(body), "cn-fapiao");
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(IntakeContext.PROPERTY, ctx);
        new SignatureCheck(new XmlSignatureVerifier(paths), new CmsSignatureVerifier(paths),
                new TaxBureauSignatureVerifier(paths), () -> trust, Clock.fixed(AT, ZoneOffset.UTC)).process(exchange);
        return ctx;
    }

    @Test
    void taxBureauSignatureIsTheFapiaosSignatureAtIntake() throws Exception {
        byte[] body = TaxBureauSamples.bytes(TaxBureauSamples.signed(KEYS, TaxBureauSamples.URI,
                TaxBureauSignatureVerifier.SM2_WITH_SM3));

        IntakeContext ctx = check(body, new TrustStore(Map.of("CN", TrustAnchors.of(List.of(STA), List.of()))));

        assertTrue(ctx.verification().ok(), () -> ctx.verification().toString());
        assertEquals("CN", ctx.facts().sellerCountry());
    }

    @Test
    void withoutTheTaxBureauCertificateInTheCnEntryItIsRejected() throws Exception {
        byte[] body = TaxBureauSamples.bytes(TaxBureauSamples.signed(KEYS, TaxBureauSamples.URI,
                TaxBureauSignatureVerifier.SM2_WITH_SM3));
        TrustStore vietnamOnly = new TrustStore(Map.of("VN", TrustAnchors.of(List.of(STA), List.of())));

        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> check(body, vietnamOnly));

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, e.code());
    }
}
