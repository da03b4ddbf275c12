package io.silkgate.verify;

import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import java.io.IOException;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;

/**
 * Verifies CMS / CAdES signatures: detached (.p7s beside the content) and enveloping (.p7m holding the content).
 * Every signer must verify with an accepted algorithm and key and chain to the given anchors. Thread-safe.
 */
public final class CmsSignatureVerifier {

    // Each signer and each certificate costs a verification or a path build: bound what a submitter can make us do.
    private static final int MAX_SIGNERS = 8;
    private static final int MAX_CERTIFICATES = 20;

    private static final Set<ASN1ObjectIdentifier> DIGESTS = Set.of(
            NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512,
            NISTObjectIdentifiers.id_sha3_256, NISTObjectIdentifiers.id_sha3_384, NISTObjectIdentifiers.id_sha3_512);

    // Signature algorithm OIDs as they appear in SignerInfo.signatureAlgorithm, with the name reported for them.
    private static final Map<ASN1ObjectIdentifier, String> SIGNATURES = Map.ofEntries(
            Map.entry(PKCSObjectIdentifiers.rsaEncryption, "RSA"),
            Map.entry(PKCSObjectIdentifiers.sha256WithRSAEncryption, "RSA"),
            Map.entry(PKCSObjectIdentifiers.sha384WithRSAEncryption, "RSA"),
            Map.entry(PKCSObjectIdentifiers.sha512WithRSAEncryption, "RSA"),
            Map.entry(PKCSObjectIdentifiers.id_RSASSA_PSS, "RSAandMGF1"),
            Map.entry(X9ObjectIdentifiers.id_ecPublicKey, "ECDSA"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA256, "ECDSA"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA384, "ECDSA"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA512, "ECDSA"),
            Map.entry(EdECObjectIdentifiers.id_Ed25519, "Ed25519"),
            Map.entry(EdECObjectIdentifiers.id_Ed448, "Ed448"));

    private static final Map<ASN1ObjectIdentifier, String> DIGEST_NAMES = Map.of(
            NISTObjectIdentifiers.id_sha256, "SHA256", NISTObjectIdentifiers.id_sha384, "SHA384",
            NISTObjectIdentifiers.id_sha512, "SHA512", NISTObjectIdentifiers.id_sha3_256, "SHA3-256",
            NISTObjectIdentifiers.id_sha3_384, "SHA3-384", NISTObjectIdentifiers.id_sha3_512, "SHA3-512");

    // A private instance, not registered globally: the JVM's provider list is not ours to change.
    private static final Provider BC = new BouncyCastleProvider();

    private final CertificatePathValidator paths;

    public CmsSignatureVerifier(CertificatePathValidator paths) {
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    public CmsSignatureVerifier() {
        this(new CertificatePathValidator());
    }

    /**
     * Verifies a detached signature (the bytes of a .p7s file) over {@code content}.
     *
     * @param at the instant at which certificates must be valid and not revoked
     */
    public VerificationResult verifyDetached(byte[] content, byte[] p7s, TrustAnchors trust, Instant at) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(at, "at");
        ContentInfo info = contentInfo(p7s);
        if (info == null) {
            return rejected(ErrorCode.SIGNATURE_INVALID, "not a CMS signature");
        }
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(new CMSProcessableByteArray(content), info);
        } catch (CMSException | RuntimeException e) {
            return rejected(ErrorCode.SIGNATURE_INVALID, "not a CMS signature: " + e.getMessage());
        }
        return verifySigners(signed, trust, at);
    }

    /** Verifies an enveloping signature (the bytes of a .p7m file) and returns the content it encapsulates. */
    public CmsVerification verifyEnveloping(byte[] p7m, TrustAnchors trust, Instant at) {
        Objects.requireNonNull(at, "at");
        ContentInfo info = contentInfo(p7m);
        if (info == null) {
            return new CmsVerification(rejected(ErrorCode.SIGNATURE_INVALID, "not a CMS signature"), null);
        }
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(info);
        } catch (CMSException | RuntimeException e) {
            return new CmsVerification(
                    rejected(ErrorCode.SIGNATURE_INVALID, "not a CMS signature: " + e.getMessage()), null);
        }
        CMSTypedData encapsulated = signed.getSignedContent();
        if (encapsulated == null) {
            return new CmsVerification(rejected(ErrorCode.SIGNATURE_INVALID,
                    "the CMS signature encapsulates no content (it is a detached signature: verify it with the "
                            + "content it signs)"), null);
        }
        if (!(encapsulated.getContent() instanceof byte[] content)) {
            return new CmsVerification(rejected(ErrorCode.SIGNATURE_INVALID,
                    "the encapsulated content is not an OCTET STRING"), null);
        }
        return new CmsVerification(verifySigners(signed, trust, at), content);
    }

    /** The ContentInfo of a DER/BER SignedData, or null when the bytes are anything else. */
    private static ContentInfo contentInfo(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            // fromByteArray bounds every length by the array and refuses trailing bytes.
            ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(bytes));
            return CMSObjectIdentifiers.signedData.equals(info.getContentType()) ? info : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (StackOverflowError e) {
            // Deeply nested ASN.1 recurses in the parser; such input is hostile, not a signature.
            return null;
        }
    }

    private VerificationResult verifySigners(CMSSignedData signed, TrustAnchors trust, Instant at) {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            return rejected(ErrorCode.SIGNATURE_MISSING, "the CMS structure has no signer");
        }
        if (signers.size() > MAX_SIGNERS) {
            return rejected(ErrorCode.SIGNATURE_INVALID, "the CMS signature has " + signers.size()
                    + " signers; at most " + MAX_SIGNERS + " are accepted");
        }
        Store<X509CertificateHolder> store = signed.getCertificates();
        Collection<X509CertificateHolder> holders = store.getMatches(null);
        if (holders.size() > MAX_CERTIFICATES) {
            return rejected(ErrorCode.SIGNATURE_INVALID, "the CMS signature carries " + holders.size()
                    + " certificates; at most " + MAX_CERTIFICATES + " are accepted");
        }
        List<X509Certificate> supplied = new ArrayList<>();
        for (X509CertificateHolder holder : holders) {
            X509Certificate certificate = convert(holder);
            if (certificate == null) {
                return rejected(ErrorCode.SIGNATURE_INVALID, "the CMS signature carries an unreadable certificate");
            }
            supplied.add(certificate);
        }
        List<SignatureReport> reports = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        int index = 0;
        for (SignerInformation signer : signers) {
            SignatureReport report = verifySigner(signer, store, supplied, trust, at);
            reports.add(report);
            index++;
            if (!report.valid()) {
                // Like the XML verifier: every failed signature is also an error of the result.
                errors.add(Problem.at(report.failure(), report.message(), "SignerInfo[" + index + "]"));
            }
        }
        return new VerificationResult(reports, errors, null);
    }

    private SignatureReport verifySigner(SignerInformation signer, Store<X509CertificateHolder> store,
                                         List<X509Certificate> supplied, TrustAnchors trust, Instant at) {
        String algorithm = algorithmName(signer);
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = store.getMatches(signer.getSID());
        if (matches.isEmpty()) {
            return invalid(null, algorithm, false, "the signer's certificate is not included in the CMS signature");
        }
        X509Certificate certificate = convert(matches.iterator().next());
        if (certificate == null) {
            return invalid(null, algorithm, false, "the signer's certificate cannot be read");
        }
        String dn = CertificatePathValidator.dn(certificate);
        String refusal = algorithmRefusal(signer);
        if (refusal != null) {
            return invalid(dn, algorithm, false, refusal);
        }
        String weakKey = KeyStrengthPolicy.weakness(certificate.getPublicKey());
        if (weakKey != null) {
            return invalid(dn, algorithm, false, "signing key of " + dn + ": " + weakKey);
        }
        AttributeTable attributes = signer.getSignedAttributes();
        if (attributes != null && (attributes.get(CMSAttributes.contentType) == null
                || attributes.get(CMSAttributes.messageDigest) == null)) {
            return invalid(dn, algorithm, false,
                    "signed attributes must include content-type and message-digest");
        }
        boolean verified;
        try {
            // The key alone: BouncyCastle would otherwise call an expired certificate an invalid signature, while
            // validity (with its own error code) is the path check's business below.
            verified = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC)
                    .build(certificate.getPublicKey()));
        } catch (CMSSignerDigestMismatchException e) {
            return invalid(dn, algorithm, false,
                    "the signature does not cover this content (message digest mismatch)");
        } catch (OperatorCreationException e) {
            return invalid(dn, algorithm, false, "the signature cannot be checked: " + e.getMessage());
        } catch (CMSException | RuntimeException e) {
            return invalid(dn, algorithm, false, "the signature cannot be verified: " + e.getMessage());
        }
        // With signed attributes BC compares the message digest before the signature value, so a false here
        // means the content matched but the signature over the attributes did not.
        boolean covers = attributes != null;
        if (!verified) {
            return invalid(dn, algorithm, covers, "the signature value does not verify with the key of " + dn);
        }
        PathResult path = paths.validate(certificate, supplied, trust, at);
        List<String> chain = path.path().stream().map(CertificatePathValidator::dn).toList();
        if (!path.trusted()) {
            return new SignatureReport(false, dn, algorithm, true, chain, path.revocation(), path.failure(),
                    path.message(), path.path());
        }
        return new SignatureReport(true, dn, algorithm, true, chain, path.revocation(), null, null, path.path());
    }

    /** Why the digest or signature algorithm of a signer is refused, or null when both are accepted. */
    private static String algorithmRefusal(SignerInformation signer) {
        ASN1ObjectIdentifier digest = signer.getDigestAlgorithmID().getAlgorithm();
        if (!DIGESTS.contains(digest)) {
            return "digest algorithm " + digest.getId() + " is not accepted (SHA-2 or SHA-3 required; "
                    + "MD5 and SHA-1 are refused)";
        }
        ASN1ObjectIdentifier signature = new ASN1ObjectIdentifier(signer.getEncryptionAlgOID());
        if (!SIGNATURES.containsKey(signature)) {
            return "signature algorithm " + signature.getId() + " is not accepted";
        }
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(signature)) {
            ASN1Encodable parameters = signer.toASN1Structure().getDigestEncryptionAlgorithm().getParameters();
            try {
                ASN1ObjectIdentifier pssDigest =
                        RSASSAPSSparams.getInstance(parameters).getHashAlgorithm().getAlgorithm();
                if (!DIGESTS.contains(pssDigest)) {
                    return "RSASSA-PSS with digest " + pssDigest.getId() + " is not accepted";
                }
            } catch (RuntimeException e) {
                return "RSASSA-PSS parameters cannot be read";
            }
        }
        return null;
    }

    /** A JCA-style name such as SHA256withRSA, or the OIDs when the algorithm is not one we accept. */
    private static String algorithmName(SignerInformation signer) {
        ASN1ObjectIdentifier digest = signer.getDigestAlgorithmID().getAlgorithm();
        String signature = signer.getEncryptionAlgOID();
        String key = SIGNATURES.get(new ASN1ObjectIdentifier(signature));
        if (key != null && key.startsWith("Ed")) {
            return key;
        }
        String digestName = DIGEST_NAMES.get(digest);
        if (key == null || digestName == null) {
            return "urn:oid:" + digest.getId() + "+urn:oid:" + signature;
        }
        return digestName + "with" + key;
    }

    private static X509Certificate convert(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException | RuntimeException e) {
            return null;
        }
    }

    private static SignatureReport invalid(String signer, String algorithm, boolean covers, String message) {
        return new SignatureReport(false, signer, algorithm, covers, List.of(), RevocationStatus.NOT_CHECKED,
                ErrorCode.SIGNATURE_INVALID, message);
    }

    private static VerificationResult rejected(ErrorCode code, String message) {
        return new VerificationResult(List.of(), List.of(Problem.of(code, message)), null);
    }
}
