package io.silkgate.verify;

import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;

/** Generated PKI material for tests (EC P-256 unless stated: fast to generate) and the sample PKI's anchors. */
final class TestPki {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant END = Instant.parse("2036-01-01T00:00:00Z");
    /** A verification instant inside every sample certificate's validity and after the sample revocations. */
    static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");

    final IssuedCertificate root;
    final IssuedCertificate ca;

    TestPki(String name) {
        root = CertificateIssuer.selfSignedRoot("CN=" + name + " Root,O=Test,C=XX", ec(), START, END);
        ca = CertificateIssuer.issueCa(root, "CN=" + name + " CA,O=Test,C=XX", ec(), START, END);
    }

    IssuedCertificate endEntity(String cn, KeyPair keys, Instant notBefore, Instant notAfter) {
        return CertificateIssuer.issueEndEntity(ca, "CN=" + cn + ",O=Test,C=XX", keys, notBefore, notAfter);
    }

    IssuedCertificate endEntity(String cn) {
        return endEntity(cn, ec(), START, END);
    }

    TrustAnchors anchors() {
        return TrustAnchors.of(List.of(root.certificate()), List.of());
    }

    static KeyPair ec() {
        return CertificateIssuer.ecKeyPair("secp256r1");
    }

    /** The sample PKI's anchors of one country: its root CA and the issuing CA's CRL. */
    static TrustAnchors sample(String country) {
        return TrustAnchors.of(List.of(SamplePki.certificate(country + "/root-ca.pem")),
                List.of(SamplePki.crl(country + "/issuing-ca.crl")));
    }
}
