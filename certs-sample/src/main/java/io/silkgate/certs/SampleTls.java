package io.silkgate.certs;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A TLS client of the sample PKI: trusts only the sample TLS root and may present a sample client certificate. */
public final class SampleTls {

    private SampleTls() {
    }

    /** @param clientKey {@code tls/<clientKey>} of the sample PKI to present (e.g. "client-shenzhen"), or null */
    public static SSLContext client(String clientKey) throws GeneralSecurityException {
        KeyStore trust = emptyStore();
        trust.setCertificateEntry("sample-tls-root", SamplePki.certificate("tls/root-ca.pem"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = null;
        if (clientKey != null) {
            IssuedCertificate client = SamplePki.load("tls/" + clientKey);
            KeyStore keys = emptyStore();
            keys.setKeyEntry("client", client.privateKey(), SamplePki.PASSWORD.clone(),
                    client.chain().toArray(new Certificate[0]));
            keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, SamplePki.PASSWORD.clone());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("cannot create an empty key store", e);
        }
        return store;
    }
}
