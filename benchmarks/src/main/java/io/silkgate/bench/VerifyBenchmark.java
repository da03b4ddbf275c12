package io.silkgate.bench;

import io.silkgate.certs.SamplePki;
import io.silkgate.schemas.SecureXml;
import io.silkgate.verify.CertificatePathValidator;
import io.silkgate.verify.TrustAnchors;
import io.silkgate.verify.TrustSelector;
import io.silkgate.verify.VerificationResult;
import io.silkgate.verify.XmlSignatureVerifier;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * XMLDSig verification ({@link XmlSignatureVerifier}) including the hardened parse, as at intake: RSA-2048 and
 * ECDSA P-256 signers of the sample PKI, certificate path and CRL check included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class VerifyBenchmark {

    @Param({BenchSize.SMALL, BenchSize.LARGE})
    public String size;

    @Param({"rsa", "ecdsa"})
    public String key;

    private byte[] signed;
    private XmlSignatureVerifier verifier;
    private TrustSelector trust;
    private final Instant at = Instant.parse("2026-06-01T00:00:00Z");

    @Setup
    public void setUp() {
        String signer = "rsa".equals(key) ? BenchDocuments.RSA_SIGNER : BenchDocuments.EC_SIGNER;
        signed = BenchDocuments.signedInvoice(BenchSize.lines(size), "BENCH-VERIFY-1", signer);
        verifier = new XmlSignatureVerifier(new CertificatePathValidator());
        TrustAnchors anchors = TrustAnchors.of(
                List.of(SamplePki.certificate("cn/root-ca.pem"), SamplePki.certificate("ae/root-ca.pem")),
                List.of(SamplePki.crl("cn/issuing-ca.crl"), SamplePki.crl("ae/issuing-ca.crl")));
        trust = (element, certificate) -> anchors;
    }

    @Benchmark
    public VerificationResult parseAndVerify() {
        return verifier.verify(SecureXml.parse(signed), trust, at);
    }
}
