package io.silkgate.gateway.tls;

import io.silkgate.gateway.http.SubmitterAuthenticator;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts, in the TLS handshake, exactly the client certificates configured for submitters
 * ({@code submitters[].client-certificate}), compared by SHA-256 fingerprint, while they are valid. Pinning the
 * certificate itself, not a CA and a name, means another certificate with the same subject — from the same CA
 * or an impostor CA — never passes; a renewed certificate is configured anew. Any other certificate fails the
 * handshake, so an unknown client never reaches HTTP.
 */
public final class PinnedClientCertificates extends X509ExtendedTrustManager {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_USAGE = "2.5.29.37.0";

    private final Set<String> fingerprints;

    public PinnedClientCertificates(Collection<X509Certificate> certificates) {
        this.fingerprints = certificates.stream().map(SubmitterAuthenticator::fingerprint)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no client certificate");
        }
        X509Certificate leaf = chain[0];
        if (!fingerprints.contains(SubmitterAuthenticator.fingerprint(leaf))) {
            throw new CertificateException("the client certificate is not configured for any submitter");
        }
        leaf.checkValidity();
        List<String> usages = leaf.getExtendedKeyUsage();
        if (usages != null && !usages.contains(CLIENT_AUTH) && !usages.contains(ANY_USAGE)) {
            throw new CertificateException("the client certificate is not for TLS client authentication");
        }
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null && !keyUsage[0]) {
            throw new CertificateException("the client certificate's key may not sign (keyUsage digitalSignature)");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only checks clients");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    /** No CA names are sent: clients offer their one certificate, whoever issued it. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
