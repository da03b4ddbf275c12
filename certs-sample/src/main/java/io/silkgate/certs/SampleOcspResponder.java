package io.silkgate.certs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An in-process OCSP responder (RFC 6960, POST) and CRL publisher on 127.0.0.1 for tests and demos: BouncyCastle's
 * {@code BasicOCSPRespBuilder} behind the JDK's {@code HttpServer}. Every certificate of the CA is "good" unless
 * marked revoked or unknown; the responder can also be made to answer stale or be switched off.
 */
public final class SampleOcspResponder implements AutoCloseable {

    private static final String OCSP_PATH = "/ocsp";
    private static final String CRL_PATH = "/crl/";
    private static final int MAX_REQUEST = 64 * 1024;

    private final IssuedCertificate ca;
    private final IssuedCertificate signer;
    private final Supplier<Instant> clock;
    private final HttpServer server;
    private final Map<BigInteger, Instant> revoked = new ConcurrentHashMap<>();
    private final Map<BigInteger, Boolean> unknown = new ConcurrentHashMap<>();
    private final Map<String, byte[]> crls = new ConcurrentHashMap<>();
    private final AtomicInteger ocspRequests = new AtomicInteger();
    private final AtomicInteger crlRequests = new AtomicInteger();
    private volatile Duration validity = Duration.ofHours(1);
    private volatile Duration age = Duration.ZERO;
    private volatile boolean echoNonce = true;
    private volatile boolean failing;

    private SampleOcspResponder(IssuedCertificate ca, IssuedCertificate signer, Supplier<Instant> clock)
            throws IOException {
        this.ca = Objects.requireNonNull(ca, "ca");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(OCSP_PATH, this::ocsp);
        server.createContext(CRL_PATH, this::crl);
        server.start();
    }

    /** A responder that answers for {@code ca}'s certificates and signs its answers with {@code signer}'s key. */
    public static SampleOcspResponder start(IssuedCertificate ca, IssuedCertificate signer, Supplier<Instant> clock) {
        try {
            return new SampleOcspResponder(ca, signer, clock);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the sample OCSP responder", e);
        }
    }

    /** A responder that signs with the CA's own key, on the real clock. */
    public static SampleOcspResponder start(IssuedCertificate ca) {
        return start(ca, ca, Instant::now);
    }

    /** The responder's URL, for a certificate's authority information access or a configuration. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + OCSP_PATH);
    }

    /** Publishes a CRL at a URL of its own, e.g. for {@code trust[].crl} or a CRL distribution point. */
    public URI publishCrl(String name, X509CRL crl) {
        try {
            crls.put(name, crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalArgumentException("cannot encode the CRL", e);
        }
        return crlUrl(name);
    }

    /** Where {@link #publishCrl} publishes (or will publish) the CRL of that name. */
    public URI crlUrl(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + CRL_PATH + name);
    }

    public void revoke(X509Certificate certificate, Instant when) {
        revoked.put(certificate.getSerialNumber(), when);
    }

    /** Answers "unknown" for this certificate, as a responder does for a serial it never issued. */
    public void markUnknown(X509Certificate certificate) {
        unknown.put(certificate.getSerialNumber(), true);
    }

    /** Answers as if the response had been produced {@code age} ago (nextUpdate = thisUpdate + validity). */
    public void answerAged(Duration age, Duration validity) {
        this.age = age;
        this.validity = validity;
    }

    /** Leaves the request's nonce out of the answer, as a replaying attacker (or a caching responder) would. */
    public void dropNonce() {
        echoNonce = false;
    }

    /** While failing, every OCSP and CRL request is answered 503, as by a responder that is down. */
    public void setFailing(boolean failing) {
        this.failing = failing;
    }

    public int ocspRequests() {
        return ocspRequests.get();
    }

    public int crlRequests() {
        return crlRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void ocsp(HttpExchange exchange) throws IOException {
        try (exchange) {
            ocspRequests.incrementAndGet();
            if (failing) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] answer;
            try {
                answer = answer(new OCSPReq(read(exchange.getRequestBody()))).getEncoded();
            } catch (IOException | OCSPException | RuntimeException e) {
                answer = new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (OCSPException e) {
            throw new IOException(e);
        }
    }

    private OCSPResp answer(OCSPReq request) throws OCSPException, IOException {
        try {
            X509CertificateHolder caHolder = new JcaX509CertificateHolder(ca.certificate());
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                    new RespID(new JcaX509CertificateHolder(signer.certificate()).getSubject()));
            Instant produced = clock.get().minus(age);
            var digests = new JcaDigestCalculatorProviderBuilder().build();
            for (Req req : request.getRequestList()) {
                var id = req.getCertID();
                CertificateStatus status;
                if (!id.matchesIssuer(caHolder, digests) || unknown.containsKey(id.getSerialNumber())) {
                    status = new UnknownStatus();
                } else if (revoked.containsKey(id.getSerialNumber())) {
                    status = new RevokedStatus(Date.from(revoked.get(id.getSerialNumber())),
                            CRLReason.keyCompromise);
                } else {
                    status = CertificateStatus.GOOD;
                }
                builder.addResponse(id, status, Date.from(produced), Date.from(produced.plus(validity)));
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null && echoNonce) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            X509CertificateHolder[] chain = signer == ca ? null
                    : new X509CertificateHolder[] {new JcaX509CertificateHolder(signer.certificate())};
            String algorithm = "EC".equals(signer.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder(algorithm).build(signer.privateKey()),
                    chain, Date.from(produced));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
        } catch (CertificateEncodingException | OperatorCreationException e) {
            throw new OCSPException("cannot build the OCSP response", e);
        }
    }

    private void crl(HttpExchange exchange) throws IOException {
        try (exchange) {
            crlRequests.incrementAndGet();
            byte[] crl = crls.get(exchange.getRequestURI().getPath().substring(CRL_PATH.length()));
            if (failing || crl == null) {
                exchange.sendResponseHeaders(failing ? 503 : 404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/pkix-crl");
            exchange.sendResponseHeaders(200, crl.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(crl);
            }
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_REQUEST + 1);
        if (bytes.length > MAX_REQUEST) {
            throw new IOException("OCSP request too large");
        }
        return bytes;
    }
}
