package io.silkgate.pint;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.silkgate.verify.CertificateFiles;
import io.silkgate.verify.KeyStrengthPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The keys of carriers and eBL platforms that PINT signatures are checked against, and how a JWS header picks one.
 *
 * <p>Selection: {@code x5t#S256} selects the certificate with that SHA-256 thumbprint; {@code kid} selects a key
 * whose RFC 7638 JWK thumbprint, certificate thumbprint or PEM file name (without extension) equals it. A header
 * with neither (what the DCSA conformance kit sends) is tried against every trusted key of the algorithm's key
 * type in turn: the signature check itself is the proof, and refusing such headers would refuse conformant
 * senders. A header that names a key we do not hold selects nothing — it is never widened to "try them all".
 */
public final class PintTrust {

    private final List<TrustedKey> keys;

    public PintTrust(List<TrustedKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * Reads every certificate of a PEM file, or of every {@code *.pem}/{@code *.crt} file of a directory.
     *
     * @throws IllegalArgumentException if a file is unreadable or holds a weak key
     */
    public static PintTrust fromPem(Path fileOrDirectory) {
        List<TrustedKey> keys = new ArrayList<>();
        for (Path file : files(fileOrDirectory)) {
            String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            for (X509Certificate certificate : CertificateFiles.certificates(file, true)) {
                keys.add(of(certificate, stem));
            }
        }
        return new PintTrust(keys);
    }

    /** A trusted certificate; {@code alias} (e.g. the PEM file name) also selects it as a {@code kid}. */
    public static TrustedKey of(X509Certificate certificate, String alias) {
        PublicKey key = certificate.getPublicKey();
        String weakness = KeyStrengthPolicy.weakness(key);
        if (weakness != null) {
            throw new IllegalArgumentException("PINT trust: " + certificate.getSubjectX500Principal().getName()
                    + ": " + weakness);
        }
        String x5t = thumbprint(certificate);
        Set<String> kids = new HashSet<>();
        kids.add(x5t);
        kids.add(jwkThumbprint(key));
        if (alias != null && !alias.isBlank()) {
            kids.add(alias);
        }
        return new TrustedKey(certificate.getSubjectX500Principal().getName(), kids, x5t, key);
    }

    /** A bare public key known by its key id (e.g. from a partner's JWKS). */
    public static TrustedKey ofKey(String kid, PublicKey key) {
        return new TrustedKey("kid " + kid, Set.of(kid, jwkThumbprint(key)), null, key);
    }

    public List<TrustedKey> keys() {
        return keys;
    }

    /** The keys a signature with this header may be checked against, in trust order. */
    List<TrustedKey> candidates(JWSHeader header) {
        Base64URL x5t = header.getX509CertSHA256Thumbprint();
        String kid = header.getKeyID();
        Stream<TrustedKey> selected;
        if (x5t != null) {
            selected = keys.stream().filter(k -> x5t.toString().equals(k.x5tS256()));
        } else if (kid != null) {
            selected = keys.stream().filter(k -> k.kids().contains(kid));
        } else {
            selected = keys.stream();
        }
        String family = header.getAlgorithm().getName().startsWith("ES") ? "EC" : "RSA";
        return selected.filter(k -> keyFamily(k.publicKey()).equals(family)).toList();
    }

    private static String keyFamily(PublicKey key) {
        if (key instanceof ECPublicKey) {
            return "EC";
        }
        return key instanceof RSAPublicKey ? "RSA" : key.getAlgorithm().toUpperCase(Locale.ROOT);
    }

    static String thumbprint(X509Certificate certificate) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())).toString();
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot fingerprint " + certificate.getSubjectX500Principal(), e);
        }
    }

    static String jwkThumbprint(PublicKey key) {
        try {
            JWK jwk;
            if (key instanceof RSAPublicKey rsa) {
                jwk = new RSAKey.Builder(rsa).build();
            } else if (key instanceof ECPublicKey ec) {
                jwk = new ECKey.Builder(com.nimbusds.jose.jwk.Curve.forECParameterSpec(ec.getParams()), ec).build();
            } else {
                throw new IllegalArgumentException(key.getAlgorithm() + " keys cannot verify PINT signatures");
            }
            return jwk.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot compute the JWK thumbprint: " + e.getMessage(), e);
        }
    }

    private static List<Path> files(Path fileOrDirectory) {
        if (!Files.isDirectory(fileOrDirectory)) {
            return List.of(fileOrDirectory);
        }
        try (Stream<Path> list = Files.list(fileOrDirectory)) {
            return list.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return Files.isRegularFile(p) && (name.endsWith(".pem") || name.endsWith(".crt"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + fileOrDirectory, e);
        }
    }
}
