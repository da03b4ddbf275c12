package io.silkgate.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Trust anchors (PEM *.pem/*.crt certificates) and CRLs (*.crl, PEM or DER) for one country or one CLI --trust folder.
 * Self-signed certificates are anchors; any other certificate found is an intermediate offered for path building.
 */
public final class TrustAnchors {

    private static final TrustAnchors EMPTY =
            new TrustAnchors(List.of(), List.of(), List.of(), RevocationSettings.OFFLINE);

    private final List<X509Certificate> anchors;
    private final List<X509Certificate> intermediates;
    private final List<X509CRL> crls;
    private final RevocationSettings revocation;

    private TrustAnchors(List<X509Certificate> anchors, List<X509Certificate> intermediates, List<X509CRL> crls,
                         RevocationSettings revocation) {
        this.anchors = List.copyOf(anchors);
        this.intermediates = List.copyOf(intermediates);
        this.crls = List.copyOf(crls);
        this.revocation = revocation;
    }

    /**
     * Loads anchors from a certificate file or a folder (every *.pem / *.crt in it) and CRLs from the same folder
     * (every *.crl) plus, when given, a CRL file or folder.
     *
     * @throws UncheckedIOException     if a path cannot be read
     * @throws IllegalArgumentException if a file holds no readable certificate or CRL
     */
    public static TrustAnchors load(Path anchorsFileOrDir, Path crlFileOrDirOrNull) {
        List<X509Certificate> certificates = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        if (Files.isDirectory(anchorsFileOrDir)) {
            for (Path file : list(anchorsFileOrDir)) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".pem") || name.endsWith(".crt")) {
                    // A folder may also hold keys or other PEM material: only certificates count, no error.
                    certificates.addAll(CertificateFiles.certificates(file, true));
                } else if (name.endsWith(".crl")) {
                    crls.addAll(CertificateFiles.crls(file));
                }
            }
        } else {
            certificates.addAll(CertificateFiles.certificates(anchorsFileOrDir, false));
        }
        if (crlFileOrDirOrNull != null && !crlFileOrDirOrNull.equals(anchorsFileOrDir)) {
            if (Files.isDirectory(crlFileOrDirOrNull)) {
                for (Path file : list(crlFileOrDirOrNull)) {
                    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".crl")) {
                        crls.addAll(CertificateFiles.crls(file));
                    }
                }
            } else {
                crls.addAll(CertificateFiles.crls(crlFileOrDirOrNull));
            }
        }
        return of(certificates, crls);
    }

    /** Sorts the certificates into anchors (self-signed) and intermediates (all others). */
    public static TrustAnchors of(Collection<X509Certificate> certificates, Collection<X509CRL> crls) {
        Set<X509Certificate> anchors = new LinkedHashSet<>();
        Set<X509Certificate> intermediates = new LinkedHashSet<>();
        for (X509Certificate certificate : certificates) {
            if (isSelfSigned(certificate)) {
                anchors.add(certificate);
            } else {
                intermediates.add(certificate);
            }
        }
        return new TrustAnchors(new ArrayList<>(anchors), new ArrayList<>(intermediates),
                new ArrayList<>(new LinkedHashSet<>(crls)), RevocationSettings.OFFLINE);
    }

    /** The same anchors and CRL files with other revocation sources and policy (by default: files, soft-fail). */
    public TrustAnchors withRevocation(RevocationSettings settings) {
        return new TrustAnchors(anchors, intermediates, crls, Objects.requireNonNull(settings, "settings"));
    }

    public static TrustAnchors empty() {
        return EMPTY;
    }

    public List<X509Certificate> anchors() {
        return anchors;
    }

    public List<X509Certificate> intermediates() {
        return intermediates;
    }

    public List<X509CRL> crls() {
        return crls;
    }

    public RevocationSettings revocation() {
        return revocation;
    }

    /** True when there is no anchor: nothing can be trusted through these. */
    public boolean isEmpty() {
        return anchors.isEmpty();
    }

    /** The union of both sets, without duplicates. */
    public TrustAnchors plus(TrustAnchors other) {
        if (other == null || other == EMPTY || other == this) {
            return this;
        }
        if (this == EMPTY) {
            return other;
        }
        List<X509Certificate> certificates = new ArrayList<>(anchors);
        certificates.addAll(intermediates);
        certificates.addAll(other.anchors);
        certificates.addAll(other.intermediates);
        List<X509CRL> allCrls = new ArrayList<>(crls);
        allCrls.addAll(other.crls);
        return of(certificates, allCrls).withRevocation(revocation.merge(other.revocation));
    }

    @Override
    public String toString() {
        return "TrustAnchors[" + anchors.size() + " anchors, " + intermediates.size() + " intermediates, "
                + crls.size() + " CRLs]";
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
