package io.silkgate.gateway.tls;

import io.silkgate.gateway.config.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The one TLS policy of every listener of the gateway (HTTP, Jolokia, remote JMX): TLS 1.3 and 1.2 only, and
 * only AEAD cipher suites with forward secrecy (ECDHE key exchange, AES-GCM or ChaCha20-Poly1305).
 */
public final class TlsPolicy {

    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** Older protocols named explicitly, for APIs that subtract from a default list. */
    public static final List<String> REFUSED_PROTOCOLS = List.of("SSLv2Hello", "SSLv3", "TLSv1", "TLSv1.1");
    /** In order of preference; TLS 1.3 suites first (all of them are AEAD with forward secrecy). */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsPolicy() {
    }

    /** The suites of {@link #CIPHER_SUITES} this JVM supports, in the same order. */
    public static String[] cipherSuites(SSLContext context) {
        Set<String> supported = Set.of(context.getSupportedSSLParameters().getCipherSuites());
        return CIPHER_SUITES.stream().filter(supported::contains).toArray(String[]::new);
    }

    /** The key managers of the listener's key store ({@code gateway.tls.keystore}, PKCS#12). */
    public static KeyManager[] keyManagers(TlsSettings tls) {
        try (InputStream in = Files.newInputStream(tls.keystore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, tls.password().chars());
            if (Collections.list(store.aliases()).stream().noneMatch(a -> isKey(store, a))) {
                throw new IllegalArgumentException("gateway.tls.keystore: " + tls.keystore()
                        + " holds no private key");
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, tls.password().chars());
            return factory.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            // the message of a wrong password names no secret
            throw new IllegalArgumentException("gateway.tls.keystore: cannot read " + tls.keystore() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A server context with the listener's key; {@code trust} checks client certificates (null: none asked). */
    public static SSLContext serverContext(TlsSettings tls, TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(tls), trust == null ? null : new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    /** The protocols of {@link #PROTOCOLS} this JVM supports. */
    public static String[] protocols(SSLContext context) {
        List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
        return PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new);
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
