package io.silkgate.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Reads certificates and CRLs from PEM (any number of blocks, other block types ignored) or DER files. */
public final class CertificateFiles {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private CertificateFiles() {
    }

    /** Certificates in a file; when lenient, a PEM file without certificates (a key, say) yields none. */
    public static List<X509Certificate> certificates(Path file, boolean lenient) {
        byte[] content = read(file);
        List<X509Certificate> result = new ArrayList<>();
        try {
            List<byte[]> blocks = pemBlocks(content, "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE");
            if (blocks == null) {
                result.add(certificate(content));
            } else {
                for (byte[] der : blocks) {
                    result.add(certificate(der));
                }
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a readable X.509 certificate: " + file + " (" + e.getMessage() + ")", e);
        }
        if (result.isEmpty() && !lenient) {
            throw new IllegalArgumentException("no certificate in " + file);
        }
        return result;
    }

    /** CRLs in a file (PEM or DER). */
    static List<X509CRL> crls(Path file) {
        byte[] content = read(file);
        List<X509CRL> result = new ArrayList<>();
        try {
            List<byte[]> blocks = pemBlocks(content, "X509 CRL");
            if (blocks == null) {
                result.add(crl(content));
            } else {
                for (byte[] der : blocks) {
                    result.add(crl(der));
                }
            }
        } catch (CRLException | CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a readable X.509 CRL: " + file + " (" + e.getMessage() + ")", e);
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("no CRL in " + file);
        }
        return result;
    }

    /** The DER contents of the PEM blocks of the wanted types, or null when the content is not PEM at all. */
    private static List<byte[]> pemBlocks(byte[] content, String... types) {
        String text = new String(content, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN ")) {
            return null;
        }
        List<byte[]> blocks = new ArrayList<>();
        Matcher matcher = PEM_BLOCK.matcher(text);
        while (matcher.find()) {
            for (String type : types) {
                if (type.equals(matcher.group(1))) {
                    blocks.add(Base64.getMimeDecoder().decode(matcher.group(2)));
                }
            }
        }
        return blocks;
    }

    private static X509Certificate certificate(byte[] der) throws CertificateException {
        try {
            return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            // the JDK cannot read keys on national curves (e.g. the Chinese tax bureau's SM2 certificate)
            try {
                return (X509Certificate) CertificateFactory.getInstance("X.509", BC)
                        .generateCertificate(new ByteArrayInputStream(der));
            } catch (CertificateException bouncyCastleFailed) {
                throw e;
            }
        }
    }

    private static X509CRL crl(byte[] der) throws CRLException, CertificateException {
        return (X509CRL) factory().generateCRL(new ByteArrayInputStream(der));
    }

    private static CertificateFactory factory() throws CertificateException {
        return CertificateFactory.getInstance("X.509");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
