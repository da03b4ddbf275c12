package io.silkgate.gateway.tls;

import io.silkgate.gateway.config.TlsSettings;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.configuration.security.ClientAuthentication;

/** The CXF/undertow TLS parameters of the HTTP listener: {@link TlsPolicy} and the submitters' pinned certificates. */
public final class TlsListener {

    private TlsListener() {
    }

    /**
     * @param clientCertificates the certificates of {@code submitters[].client-certificate}; with
     *                           {@code client-auth: want} a client may also come without one (API key)
     */
    public static TLSServerParameters serverParameters(TlsSettings tls, Collection<X509Certificate> clientCertificates) {
        TLSServerParameters p = new TLSServerParameters();
        p.setSecureSocketProtocol("TLS");
        p.setKeyManagers(TlsPolicy.keyManagers(tls));
        ClientAuthentication auth = new ClientAuthentication();
        // undertow's CXF engine reads both flags, and "want" would override "need"
        auth.setRequired(tls.clientAuth().equals("need"));
        auth.setWant(tls.clientAuth().equals("want"));
        p.setClientAuthentication(auth);
        if (!tls.clientAuth().equals("none")) {
            p.setTrustManagers(new TrustManager[] {new PinnedClientCertificates(clientCertificates)});
        }
        // the CXF engine enables (its default list + SSLv3) minus the excluded ones once any protocol is included
        p.setIncludeProtocols(TlsPolicy.PROTOCOLS);
        p.setExcludeProtocols(TlsPolicy.REFUSED_PROTOCOLS);
        p.setCipherSuites(TlsPolicy.CIPHER_SUITES);
        return p;
    }
}
