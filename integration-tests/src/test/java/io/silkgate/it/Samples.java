package io.silkgate.it;

import io.silkgate.certs.SamplePki;
import io.silkgate.certs.SampleXmlSigner;
import io.silkgate.verify.TrustAnchors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Sample documents for the tests: the certs-sample files, and freshly signed invoices with their own numbers. */
final class Samples {

    private static final String SAMPLE_NUMBER = "CN-SZ-2026-0001";

    private Samples() {
    }

    /** A file of certs-sample's sample-docs, e.g. {@code invoice-cn-vn.signed.xml}. */
    static byte[] document(String name) {
        return SamplePki.document(name);
    }

    /**
     * The sample invoice under a new, never used invoice number, correctly signed by the Shenzhen exporter, so
     * that each test submits a business document no other test (or earlier run) has submitted.
     */
    static byte[] freshSignedInvoice(String tag) {
        String number = "CN-SZ-IT-" + tag + "-" + UUID.randomUUID().toString().substring(0, 8);
        String xml = new String(SamplePki.document("invoice-cn-vn.xml"), StandardCharsets.UTF_8)
                .replace(SAMPLE_NUMBER, number);
        return SampleXmlSigner.signEnveloped(xml.getBytes(StandardCharsets.UTF_8),
                SamplePki.load("cn/exporter-shenzhen"));
    }

    /** The anchors a partner uses to check the gateway's Silkgate-Signature: the sample gateway root only. */
    static TrustAnchors gatewayRoot(Path extractedPki) {
        return TrustAnchors.load(extractedPki.resolve("silkgate/root-ca.pem"), null);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
