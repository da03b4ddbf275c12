package io.silkgate.gateway.demo;

import io.silkgate.certs.SamplePki;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The demo's TLS client side: trusts only the sample TLS root, and presents a sample client certificate. */
final class DemoTls {

    private DemoTls() {
    }

    /**
     * @param pki       the copy of the sample PKI
     * @param clientKey {@code tls/<clientKey>.p12} to present, or null for none
     */
    static SSLContext client(Path pki, String clientKey) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("sample-tls-root", SamplePki.certificate("tls/root-ca.pem"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = null;
        if (clientKey != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(pki.resolve("tls/" + clientKey + ".p12"))) {
                keys.load(in, SamplePki.PASSWORD.clone());
            }
            keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, SamplePki.PASSWORD.clone());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }
}
