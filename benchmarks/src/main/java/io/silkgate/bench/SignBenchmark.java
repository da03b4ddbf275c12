package io.silkgate.bench;

import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.sign.DetachedJwsSigner;
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

/** Outbound signing: the gateway's detached JWS ({@link DetachedJwsSigner}) over a delivery body, RS256 and ES256. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SignBenchmark {

    @Param({BenchSize.SMALL, BenchSize.LARGE})
    public String size;

    @Param({"rsa", "ecdsa"})
    public String key;

    private byte[] body;
    private DetachedJwsSigner signer;

    @Setup
    public void setUp() {
        body = BenchDocuments.signedInvoice(BenchSize.lines(size), "BENCH-SIGN-1", BenchDocuments.RSA_SIGNER);
        // the gateway's own key is RSA; the AE exporter's P-256 key stands in for a gateway with an EC key
        IssuedCertificate keyPair = SamplePki.load("rsa".equals(key) ? "silkgate/gateway" : BenchDocuments.EC_SIGNER);
        signer = new DetachedJwsSigner(keyPair.privateKey(), keyPair.chain());
    }

    @Benchmark
    public String detachedJws() {
        return signer.sign(body);
    }
}
