package io.silkgate.certs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The checked-in sample PKI and sample documents, read from the class path (silkgate/sample-pki/, silkgate/sample-docs/). */
public final class SamplePki {

    /** The password of every sample {@code .p12} file. */
    public static final char[] PASSWORD = "silkgate-sample".toCharArray();

    /** Class-path folder of the sample PKI. */
    public static final String PKI_ROOT = "silkgate/sample-pki/";
    /** Class-path folder of the sample documents. */
    public static final String DOCS_ROOT = "silkgate/sample-docs/";
    /** Name of the file in {@link #PKI_ROOT} that lists every other file there, one relative path a line. */
    public static final String INDEX = "INDEX";

    private static final Map<String, IssuedCertificate> LOADED = new ConcurrentHashMap<>();

    private SamplePki() {
    }

    /** The key and chain of {@code silkgate/sample-pki/<name>.p12}, e.g. {@code load("cn/exporter-shenzhen")}. */
    public static IssuedCertificate load(String name) {
        // PKCS#12 key derivation costs a noticeable fraction of a second, and tests load the same few files often
        return LOADED.computeIfAbsent(name, SamplePki::readKeyStore);
    }

    private static IssuedCertificate readKeyStore(String name) {
        String alias = name.substring(name.lastIndexOf('/') + 1);
        try (InputStream in = open(PKI_ROOT + name + ".p12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.clone());
            Key key = store.getKey(alias, PASSWORD.clone());
            Certificate[] chain = store.getCertificateChain(alias);
            if (!(key instanceof PrivateKey) || chain == null) {
                throw new IllegalStateException("no private key entry '" + alias + "' in " + name + ".p12");
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : chain) {
                certificates.add((X509Certificate) certificate);
            }
            return new IssuedCertificate((PrivateKey) key, certificates.get(0), certificates);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample key store " + name, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open sample key store " + name, e);
        }
    }

    /** A PEM certificate of the sample PKI, e.g. {@code certificate("cn/root-ca.pem")}. */
    public static X509Certificate certificate(String path) {
        try (InputStream in = open(PKI_ROOT + path)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample certificate " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a certificate: " + path, e);
        }
    }

    /** A PEM CRL of the sample PKI, e.g. {@code crl("cn/issuing-ca.crl")}. */
    public static X509CRL crl(String path) {
        try (InputStream in = open(PKI_ROOT + path)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample CRL " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a CRL: " + path, e);
        }
    }

    /** The bytes of a sample document, e.g. {@code document("invoice-cn-vn.signed.xml")}. */
    public static byte[] document(String name) {
        try (InputStream in = open(DOCS_ROOT + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample document " + name, e);
        }
    }

    /** Every file of the sample PKI, as paths relative to {@code silkgate/sample-pki/}, in index order. */
    public static List<String> files() {
        List<String> files = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(open(PKI_ROOT + INDEX), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String file = line.strip();
                if (!file.isEmpty()) {
                    files.add(checkedRelative(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample PKI index", e);
        }
        return List.copyOf(files);
    }

    /**
     * Copies every file of the sample PKI into {@code dir}, keeping the layout ({@code dir/cn/root-ca.pem}, ...),
     * and returns {@code dir}. Existing files are overwritten. Works from a jar: the files come from the index.
     */
    public static Path copyTo(Path dir) {
        try {
            for (String file : files()) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = open(PKI_ROOT + file)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the sample PKI to " + dir, e);
        }
    }

    private static String checkedRelative(String file) {
        // the index is ours, but a path escaping dir would make copyTo write outside it
        if (file.startsWith("/") || file.contains("\\") || List.of(file.split("/")).contains("..")) {
            throw new IllegalStateException("bad path in the sample PKI index: " + file);
        }
        return file;
    }

    private static InputStream open(String resource) {
        InputStream in = SamplePki.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no such sample resource on the class path: " + resource);
        }
        return in;
    }
}
