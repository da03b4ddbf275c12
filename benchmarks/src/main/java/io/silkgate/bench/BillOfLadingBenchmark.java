package io.silkgate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.erdtman.jcs.JsonCanonicalizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The checksums of a DCSA PINT transfer: SHA-256 of a 4 MB attachment as it arrives (a JSON string of base64,
 * decoded first), and SHA-256 over the RFC 8785 canonical form of a TransportDocument.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BillOfLadingBenchmark {

    /** Size of the decoded attachment. */
    public static final int ATTACHMENT_BYTES = 4 * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();
    private byte[] attachmentBody;
    private String transportDocument;

    @Setup
    public void setUp() {
        attachmentBody = BenchDocuments.attachmentBody(ATTACHMENT_BYTES);
        transportDocument = new String(BenchDocuments.transportDocument(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Benchmark
    public String attachmentChecksum() throws IOException {
        String base64 = json.readValue(attachmentBody, String.class);
        return sha256Hex(Base64.getDecoder().decode(base64));
    }

    @Benchmark
    public String transportDocumentChecksum() throws IOException {
        return sha256Hex(new JsonCanonicalizer(transportDocument).getEncodedUTF8());
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
