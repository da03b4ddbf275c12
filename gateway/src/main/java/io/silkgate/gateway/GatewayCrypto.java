package io.silkgate.gateway;

import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.gateway.config.ConfigException;
import io.silkgate.gateway.config.SigningSettings;
import io.silkgate.gateway.config.SilkgateConfig;
import io.silkgate.gateway.config.Submitter;
import io.silkgate.gateway.http.SubmitterAuthenticator;
import io.silkgate.sign.DetachedJwsSigner;
import io.silkgate.sign.XadesSigner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's keys and trust, read from the configuration: trust anchors per country, signing key (detached JWS and
 * XAdES in XML outputs), and the submitters' credentials (API key hashes, pinned client certificates).
 */
record GatewayCrypto(ReloadableTrust trust, DetachedJwsSigner signer, XadesSigner xmlSigner,
                     SubmitterAuthenticator submitters, List<X509Certificate> clientCertificates) {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayCrypto.class);

    static GatewayCrypto load(SilkgateConfig config) {
        ReloadableTrust trust = new ReloadableTrust(config.trust());
        if (trust.get().countries().isEmpty()) {
            LOG.warn("no trust anchors configured (trust:): every signed document will be rejected as "
                    + "CERTIFICATE_UNTRUSTED");
        }
        List<SubmitterAuthenticator.KeyEntry> keys = new ArrayList<>();
        Map<String, String> byFingerprint = new HashMap<>();
        List<X509Certificate> certificates = new ArrayList<>();
        for (int i = 0; i < config.submitters().size(); i++) {
            Submitter s = config.submitters().get(i);
            if (s.apiKey() != null) {
                keys.add(new SubmitterAuthenticator.KeyEntry(s.apiKey(), s.id()));
            }
            if (s.clientCertificate() != null) {
                X509Certificate c = clientCertificate(s.clientCertificate(), i);
                String first = byFingerprint.putIfAbsent(SubmitterAuthenticator.fingerprint(c), s.id());
                if (first != null) {
                    throw new ConfigException("submitters[" + i + "].client-certificate: the same certificate as"
                            + " submitter " + first + "; a certificate identifies one submitter");
                }
                certificates.add(c);
            }
        }
        if (config.submitters().isEmpty()) {
            LOG.warn("no submitters configured: anyone who reaches the HTTP port may submit (local use only)");
        }
        SigningKey key = signingKey(config.gateway().signing());
        return new GatewayCrypto(trust, new DetachedJwsSigner(key.key(), key.chain()),
                new XadesSigner(key.key(), key.chain(), Clock.systemUTC()),
                new SubmitterAuthenticator(keys, byFingerprint), List.copyOf(certificates));
    }

    /** The first certificate of a PEM file (the submitter's own; any chain after it is ignored). */
    private static X509Certificate clientCertificate(java.nio.file.Path file, int index) {
        String key = "submitters[" + index + "].client-certificate";
        try (InputStream in = Files.newInputStream(file)) {
            var all = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (all.isEmpty() || !(all.iterator().next() instanceof X509Certificate c)) {
                throw new ConfigException(key + ": no X.509 certificate in " + file);
            }
            return c;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(key + ": not a PEM certificate: " + file + " (" + e.getMessage() + ")");
        }
    }

    private static SigningKey signingKey(SigningSettings signing) {
        if (signing == null) {
            LOG.warn("no gateway.signing key configured: outbound documents are signed with the SAMPLE gateway key "
                    + "of certs-sample, which partners must not trust outside a demo");
            IssuedCertificate sample = SamplePki.load("silkgate/gateway");
            return new SigningKey(sample.privateKey(), withoutRoot(sample.chain()));
        }
        try (InputStream in = Files.newInputStream(signing.keystore())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, signing.password().chars());
            String alias = signing.alias() != null ? signing.alias() : firstKeyAlias(ks);
            if (alias == null || !ks.isKeyEntry(alias)) {
                throw new IllegalArgumentException("gateway.signing.alias: no private key entry '" + alias + "' in "
                        + signing.keystore());
            }
            PrivateKey key = (PrivateKey) ks.getKey(alias, signing.password().chars());
            Certificate[] chain = ks.getCertificateChain(alias);
            List<X509Certificate> certs = Arrays.stream(chain).map(c -> (X509Certificate) c).toList();
            return new SigningKey(key, withoutRoot(certs));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("gateway.signing.keystore: cannot read " + signing.keystore() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String firstKeyAlias(KeyStore ks) throws GeneralSecurityException {
        for (String alias : Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(alias)) {
                return alias;
            }
        }
        return null;
    }

    /** The gateway's private key and its chain without the root. */
    private record SigningKey(PrivateKey key, List<X509Certificate> chain) {
    }

    private static List<X509Certificate> withoutRoot(List<X509Certificate> chain) {
        if (chain.size() > 1) {
            X509Certificate last = chain.get(chain.size() - 1);
            if (last.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
                return chain.subList(0, chain.size() - 1);
            }
        }
        return chain;
    }
}
