package io.silkgate.certs;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues TLS server and client certificates (sample and test material only): the key usage and extended key
 * usage a TLS peer checks, and for servers the host names and addresses they answer on.
 */
public final class TlsCertificateIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TlsCertificateIssuer() {
    }

    /** A server certificate (extended key usage serverAuth) for the given DNS names and IP addresses. */
    public static IssuedCertificate server(IssuedCertificate issuer, String dn, KeyPair keys, Instant notBefore,
            Instant notAfter, List<String> dnsNames, List<String> ipAddresses) {
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
        for (String ip : ipAddresses) {
            try {
                names.add(new GeneralName(GeneralName.iPAddress,
                        new org.bouncycastle.asn1.DEROctetString(InetAddress.getByName(ip).getAddress())));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: " + ip, e);
            }
        }
        return issue(issuer, dn, keys, notBefore, notAfter, KeyPurposeId.id_kp_serverAuth, names);
    }

    /** A client certificate (extended key usage clientAuth) for mutual TLS. */
    public static IssuedCertificate client(IssuedCertificate issuer, String dn, KeyPair keys, Instant notBefore,
            Instant notAfter) {
        return issue(issuer, dn, keys, notBefore, notAfter, KeyPurposeId.id_kp_clientAuth, List.of());
    }

    private static IssuedCertificate issue(IssuedCertificate issuer, String dn, KeyPair keys, Instant notBefore,
            Instant notAfter, KeyPurposeId purpose, List<GeneralName> subjectAltNames) {
        X509Certificate issuerCert = issuer.certificate();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerCert.getSubjectX500Principal(),
                    new BigInteger(127, RANDOM).setBit(126), Date.from(notBefore), Date.from(notAfter),
                    new X500Principal(dn), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            // RSA key exchange is not offered (forward secrecy only), so signing is the key's one use
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            if (!subjectAltNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(subjectAltNames.toArray(new GeneralName[0])));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(issuerCert));
            String algorithm = issuer.privateKey().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            X509Certificate issued = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).setSecureRandom(RANDOM)
                            .build(issuer.privateKey())));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(issued);
            chain.addAll(issuer.chain());
            return new IssuedCertificate(keys.getPrivate(), issued, chain);
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot build the TLS certificate for " + dn, e);
        }
    }
}
