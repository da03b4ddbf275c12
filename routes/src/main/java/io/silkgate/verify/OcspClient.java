package io.silkgate.verify;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An OCSP client (RFC 6960) on BouncyCastle: asks a responder about one certificate, accepts only answers signed by
 * the certificate's issuer or by a responder the issuer delegated (id-kp-OCSPSigning), checks freshness and the
 * optional nonce, and caches every answer until its nextUpdate. Thread-safe.
 */
final class OcspClient {

    private static final int MAX_RESPONSE_BYTES = 256 * 1024;
    private static final int MAX_RESPONDER_CERTIFICATES = 4;
    /** How far a responder's clock may be ahead of ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** An answer without nextUpdate is taken as fresh for this long after its thisUpdate (and cached as long). */
    private static final Duration WITHOUT_NEXT_UPDATE = Duration.ofMinutes(5);
    /** A responder that failed is not asked again about the same certificate before this: intake must not stall. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);
    private static final int MAX_CACHED = 10_000;

    private static final Set<ASN1ObjectIdentifier> SIGNATURE_ALGORITHMS = Set.of(
            PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption, PKCSObjectIdentifiers.id_RSASSA_PSS,
            X9ObjectIdentifiers.ecdsa_with_SHA256, X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512, EdECObjectIdentifiers.id_Ed25519);

    private static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RevocationHttp http;
    private final Clock clock;
    private final Map<String, Answer> cache = new ConcurrentHashMap<>();

    OcspClient(RevocationHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * What the responder says about the certificate now: GOOD, REVOKED (with its date) or UNKNOWN (with the reason,
     * which is also given when there is no usable answer at all).
     */
    Answer status(X509Certificate certificate, X509Certificate issuer, URI responder, RevocationSettings settings) {
        CertificateID id;
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().setProvider(BC).build();
            // SHA-1 in CertID is only a lookup key (RFC 6960 4.1.1), and the one every responder understands.
            id = new CertificateID(digests.get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer),
                    certificate.getSerialNumber());
        } catch (OperatorCreationException | OCSPException | GeneralSecurityException e) {
            return Answer.unknown("cannot build the OCSP request: " + e.getMessage(), clock.instant());
        }
        String key = HexFormat.of().formatHex(id.getIssuerKeyHash()) + ":" + id.getSerialNumber() + "@" + responder;
        Instant now = clock.instant();
        Answer cached = cache.get(key);
        if (cached != null && cached.usableAt(now)) {
            return cached;
        }
        Answer fresh = ask(id, issuer, responder, settings, now);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, fresh);
        return fresh;
    }

    private Answer ask(CertificateID id, X509Certificate issuer, URI responder, RevocationSettings settings,
                       Instant now) {
        byte[] nonce = null;
        byte[] request;
        try {
            OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
            if (settings.ocspNonce()) {
                nonce = new byte[16];
                RANDOM.nextBytes(nonce);
                // extnValue holds the DER of an OCTET STRING with the nonce (RFC 8954)
                builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                        false, new DEROctetString(new DEROctetString(nonce).getEncoded()))));
            }
            OCSPReq req = builder.build();
            request = req.getEncoded();
        } catch (OCSPException | IOException e) {
            return Answer.unknown("cannot build the OCSP request: " + e.getMessage(), now);
        }
        byte[] body;
        try {
            body = http.post(responder, "application/ocsp-request", request, "application/ocsp-response",
                    settings.timeout(), MAX_RESPONSE_BYTES);
        } catch (IOException e) {
            return Answer.failed("OCSP responder " + responder + " did not answer: " + e.getMessage(), now);
        }
        try {
            return read(body, id, issuer, nonce, responder, now);
        } catch (IOException | OCSPException | RuntimeException e) {
            return Answer.failed("OCSP responder " + responder + " sent an unreadable answer: " + e.getMessage(),
                    now);
        }
    }

    private Answer read(byte[] body, CertificateID id, X509Certificate issuer, byte[] nonce, URI responder,
                        Instant now) throws IOException, OCSPException {
        OCSPResp response = new OCSPResp(body);
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            return Answer.failed("OCSP responder " + responder + " refused the request (status "
                    + response.getStatus() + ")", now);
        }
        if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
            return Answer.failed("OCSP responder " + responder + " sent no basic OCSP response", now);
        }
        if (!SIGNATURE_ALGORITHMS.contains(basic.getSignatureAlgOID())) {
            return Answer.failed("the OCSP answer of " + responder + " is signed with " + basic.getSignatureAlgOID()
                    + ", which is not accepted", now);
        }
        String signer = signedBy(basic, issuer, now);
        if (signer == null) {
            return Answer.failed("the OCSP answer of " + responder + " is not signed by the issuer "
                    + CertificatePathValidator.dn(issuer) + " nor by a responder it authorised", now);
        }
        if (nonce != null) {
            Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (echoed == null || !Arrays.equals(echoed.getExtnValue().getOctets(),
                    new DEROctetString(nonce).getEncoded())) {
                return Answer.failed("the OCSP answer of " + responder + " does not carry our nonce (a replayed or "
                        + "pre-produced answer)", now);
            }
        }
        for (SingleResp single : basic.getResponses()) {
            if (!single.getCertID().equals(id)) {
                continue;
            }
            Instant thisUpdate = single.getThisUpdate().toInstant();
            Instant nextUpdate = single.getNextUpdate() == null ? thisUpdate.plus(WITHOUT_NEXT_UPDATE)
                    : single.getNextUpdate().toInstant();
            if (thisUpdate.isAfter(now.plus(CLOCK_SKEW))) {
                return Answer.failed("the OCSP answer of " + responder + " is dated in the future (" + thisUpdate
                        + ")", now);
            }
            if (nextUpdate.isBefore(now)) {
                return Answer.failed("the OCSP answer of " + responder + " is stale (nextUpdate " + nextUpdate
                        + ", now " + now + ")", now);
            }
            CertificateStatus status = single.getCertStatus();
            if (status == CertificateStatus.GOOD) {
                return new Answer(RevocationStatus.GOOD, null, nextUpdate, "OCSP " + responder, null);
            }
            if (status instanceof RevokedStatus revoked) {
                return new Answer(RevocationStatus.REVOKED, revoked.getRevocationTime().toInstant(), nextUpdate,
                        "OCSP " + responder, null);
            }
            return new Answer(RevocationStatus.UNKNOWN, null, nextUpdate, "OCSP " + responder,
                    "OCSP responder " + responder + " does not know the certificate (status unknown)");
        }
        return Answer.failed("the OCSP answer of " + responder + " says nothing about the certificate asked for", now);
    }

    /** Who signed the answer (issuer or delegated responder), or null when neither verifies it. */
    private static String signedBy(BasicOCSPResp basic, X509Certificate issuer, Instant now) {
        if (verifies(basic, issuer.getPublicKey())) {
            return CertificatePathValidator.dn(issuer);
        }
        X509CertificateHolder[] certificates = basic.getCerts();
        for (int i = 0; i < Math.min(certificates.length, MAX_RESPONDER_CERTIFICATES); i++) {
            X509Certificate candidate;
            try {
                candidate = new JcaX509CertificateConverter().getCertificate(certificates[i]);
                if (!candidate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                    continue;
                }
                candidate.verify(issuer.getPublicKey());
                candidate.checkValidity(Date.from(now));
                if (candidate.getExtendedKeyUsage() == null
                        || !candidate.getExtendedKeyUsage().contains(KeyPurposeId.id_kp_OCSPSigning.getId())) {
                    continue;
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                continue;
            }
            if (KeyStrengthPolicy.weakness(candidate.getPublicKey()) == null
                    && verifies(basic, candidate.getPublicKey())) {
                return CertificatePathValidator.dn(candidate);
            }
        }
        return null;
    }

    private static boolean verifies(BasicOCSPResp basic, PublicKey key) {
        try {
            return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC).build(key));
        } catch (OCSPException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * One answer as cached: the status now, when it was revoked, until when it may be used, where it came from and,
     * for UNKNOWN, why.
     */
    record Answer(RevocationStatus status, Instant revokedOn, Instant usableUntil, String source, String problem) {

        static Answer unknown(String problem, Instant now) {
            return new Answer(RevocationStatus.UNKNOWN, null, now, null, problem);
        }

        /** No usable answer: asked again only after a pause, so a dead responder costs one time-out per pause. */
        static Answer failed(String problem, Instant now) {
            return new Answer(RevocationStatus.UNKNOWN, null, now.plus(RETRY_AFTER_FAILURE), null, problem);
        }

        boolean usableAt(Instant now) {
            return now.isBefore(usableUntil);
        }
    }
}
