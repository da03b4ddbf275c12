package io.silkgate.certs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Issues X.509 certificates and CRLs with BouncyCastle (sample and test material only). */
public final class CertificateIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CA_KEY_USAGE = KeyUsage.keyCertSign | KeyUsage.cRLSign;
    private static final int END_ENTITY_KEY_USAGE = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;

    private CertificateIssuer() {
    }

    /** A fresh RSA key pair of the given modulus size. */
    public static KeyPair rsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA-" + bits + " key pair", e);
        }
    }

    /** A fresh EC key pair on the named curve, e.g. {@code secp256r1}. */
    public static KeyPair ecKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot generate an EC key pair on curve " + curve, e);
        }
    }

    /** A self-signed root CA certificate; its chain is just itself. */
    public static IssuedCertificate selfSignedRoot(String dn, KeyPair keys, Instant notBefore, Instant notAfter) {
        X500Principal subject = new X500Principal(dn);
        X509Certificate root = build(subject, keys.getPrivate(), keys.getPublic(), null,
                subject, keys.getPublic(), notBefore, notAfter, true, builder -> { });
        return new IssuedCertificate(keys.getPrivate(), root, List.of(root));
    }

    /** An intermediate CA certificate signed by {@code issuer}. */
    public static IssuedCertificate issueCa(IssuedCertificate issuer, String dn, KeyPair keys,
                                            Instant notBefore, Instant notAfter) {
        return issue(issuer, dn, keys, notBefore, notAfter, true);
    }

    /** An end-entity signing certificate (digitalSignature + nonRepudiation, not a CA) signed by {@code issuer}. */
    public static IssuedCertificate issueEndEntity(IssuedCertificate issuer, String dn, KeyPair keys,
                                                   Instant notBefore, Instant notAfter) {
        return issue(issuer, dn, keys, notBefore, notAfter, false);
    }

    /**
     * An end-entity signing certificate that names where its status is published: an authority information access
     * entry with the OCSP responder and a CRL distribution point; either may be null.
     */
    public static IssuedCertificate issueEndEntity(IssuedCertificate issuer, String dn, KeyPair keys,
                                                   Instant notBefore, Instant notAfter, URI ocspUrl, URI crlUrl) {
        return issue(issuer, dn, keys, notBefore, notAfter, false, builder -> {
            if (ocspUrl != null) {
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        X509ObjectIdentifiers.ocspAccessMethod, uri(ocspUrl)));
            }
            if (crlUrl != null) {
                DistributionPointName name = new DistributionPointName(new GeneralNames(uri(crlUrl)));
                builder.addExtension(Extension.cRLDistributionPoints, false,
                        new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(name, null, null)}));
            }
        });
    }

    /** A delegated OCSP responder certificate (extended key usage id-kp-OCSPSigning, id-pkix-ocsp-nocheck). */
    public static IssuedCertificate issueOcspResponder(IssuedCertificate issuer, String dn, KeyPair keys,
                                                       Instant notBefore, Instant notAfter) {
        return issue(issuer, dn, keys, notBefore, notAfter, false, builder -> {
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
            builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
        });
    }

    /** A time-stamping authority certificate (extended key usage id-kp-timeStamping, critical, as RFC 3161 asks). */
    public static IssuedCertificate issueTimeStamping(IssuedCertificate issuer, String dn, KeyPair keys,
                                                      Instant notBefore, Instant notAfter) {
        return issue(issuer, dn, keys, notBefore, notAfter, false, builder ->
                builder.addExtension(Extension.extendedKeyUsage, true,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping)));
    }

    /** A CRL of {@code issuer} listing {@code revoked} (revoked at {@code thisUpdate}, reason key compromise). */
    public static X509CRL crl(IssuedCertificate issuer, List<X509Certificate> revoked,
                              Instant thisUpdate, Instant nextUpdate) {
        if (!nextUpdate.isAfter(thisUpdate)) {
            throw new IllegalArgumentException("nextUpdate must be after thisUpdate");
        }
        X509Certificate issuerCert = issuer.certificate();
        JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuerCert.getSubjectX500Principal(),
                Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (X509Certificate certificate : revoked) {
            if (!certificate.getIssuerX500Principal().equals(issuerCert.getSubjectX500Principal())) {
                throw new IllegalArgumentException("a CRL can only list certificates of its own issuer: "
                        + certificate.getSubjectX500Principal().getName());
            }
            builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
        }
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier(issuerCert));
            // thisUpdate in seconds keeps CRL numbers increasing across regenerations without any state
            builder.addExtension(Extension.cRLNumber, false,
                    new CRLNumber(BigInteger.valueOf(thisUpdate.getEpochSecond())));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(issuer.privateKey())));
        } catch (CertIOException | CRLException e) {
            throw new IllegalStateException("cannot build the CRL", e);
        }
    }

    /** The certificate as a PEM block ({@code -----BEGIN CERTIFICATE-----}), 64 characters a line. */
    public static String toPem(X509Certificate c) {
        try {
            return pem("CERTIFICATE", c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the certificate", e);
        }
    }

    /** The CRL as a PEM block ({@code -----BEGIN X509 CRL-----}), 64 characters a line. */
    public static String toPem(X509CRL crl) {
        try {
            return pem("X509 CRL", crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException("cannot encode the CRL", e);
        }
    }

    /** Writes the key and its whole chain as one private-key entry of a new PKCS#12 file. */
    public static void writePkcs12(Path file, String alias, char[] password, IssuedCertificate cert) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, cert.privateKey(), password, cert.chain().toArray(new Certificate[0]));
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the PKCS#12 key store for " + alias, e);
        }
    }

    private static IssuedCertificate issue(IssuedCertificate issuer, String dn, KeyPair keys,
                                           Instant notBefore, Instant notAfter, boolean ca) {
        return issue(issuer, dn, keys, notBefore, notAfter, ca, builder -> { });
    }

    private static IssuedCertificate issue(IssuedCertificate issuer, String dn, KeyPair keys,
                                           Instant notBefore, Instant notAfter, boolean ca, Extensions more) {
        X509Certificate issuerCert = issuer.certificate();
        X509Certificate issued = build(issuerCert.getSubjectX500Principal(), issuer.privateKey(),
                issuerCert.getPublicKey(), issuerCert, new X500Principal(dn), keys.getPublic(),
                notBefore, notAfter, ca, more);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(issued);
        chain.addAll(issuer.chain());
        return new IssuedCertificate(keys.getPrivate(), issued, chain);
    }

    private static X509Certificate build(X500Principal issuerName, PrivateKey issuerKey, PublicKey issuerPublicKey,
                                         X509Certificate issuerCert, X500Principal subject, PublicKey subjectKey,
                                         Instant notBefore, Instant notAfter, boolean ca, Extensions more) {
        Objects.requireNonNull(notBefore, "notBefore");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serialNumber(),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? CA_KEY_USAGE : END_ENTITY_KEY_USAGE));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuerCert == null
                    ? extensions.createAuthorityKeyIdentifier(issuerPublicKey)
                    : authorityKeyIdentifier(issuerCert));
            more.addTo(builder);
            X509CertificateHolder holder = builder.build(signer(issuerKey));
            // the JDK's own certificate objects, so that CertPathValidator & co. treat them like any other
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build the certificate for " + subject.getName(), e);
        }
    }

    /** The issuer's own subject key identifier, so that AKI and SKI match even if it was computed differently. */
    private static AuthorityKeyIdentifier authorityKeyIdentifier(X509Certificate issuerCert) {
        try {
            byte[] ski = issuerCert.getExtensionValue(Extension.subjectKeyIdentifier.getId());
            if (ski != null) {
                byte[] keyId = SubjectKeyIdentifier.getInstance(
                        ASN1OctetString.getInstance(ski).getOctets()).getKeyIdentifier();
                return new AuthorityKeyIdentifier(keyId);
            }
            return new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuerCert.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute the authority key identifier", e);
        }
    }

    private static ContentSigner signer(PrivateKey key) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("unsupported issuer key algorithm " + key.getAlgorithm());
        };
        try {
            return new JcaContentSignerBuilder(algorithm).setSecureRandom(RANDOM).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot create a " + algorithm + " signer", e);
        }
    }

    private static GeneralName uri(URI uri) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, uri.toString());
    }

    /** Extensions a certificate profile adds to the common ones. */
    @FunctionalInterface
    private interface Extensions {
        void addTo(JcaX509v3CertificateBuilder builder) throws CertIOException;
    }

    private static BigInteger serialNumber() {
        // 127 random bits with the top one set: always positive, always 16 octets (RFC 5280 allows up to 20)
        return new BigInteger(127, RANDOM).setBit(126);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
