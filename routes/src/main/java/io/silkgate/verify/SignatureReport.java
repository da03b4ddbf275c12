package io.silkgate.verify;

import io.silkgate.schemas.ErrorCode;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The verdict on one signature, shaped like CONTRACT.md §2's verify report entry.
 *
 * @param signer          subject DN of the signing certificate (RFC 2253), null if it could not be determined
 * @param algorithm       signature method URI, null if the signature could not be read
 * @param certificatePath subject DNs from the signer to the trust anchor; empty when no path was built
 * @param failure         null if valid
 * @param message         why the signature is not valid, readable; null if valid
 * @param certificates    the certificates behind {@code certificatePath} (or just the signer's when no path was
 *                        built), kept as evidence; empty when the signer's certificate is not known
 * @param timestamp       the XAdES signature time-stamp that was checked; null when the signature has none
 * @param role            whose signature it is: the issuer's, or a countersignature (HDon buyer, tax authority)
 */
public record SignatureReport(boolean valid, String signer, String algorithm, boolean coversDocument,
                              List<String> certificatePath, RevocationStatus revocation, ErrorCode failure,
                              String message, List<X509Certificate> certificates, TimestampReport timestamp,
                              SignerRole role) {

    public SignatureReport {
        certificatePath = certificatePath == null ? List.of() : List.copyOf(certificatePath);
        revocation = revocation == null ? RevocationStatus.NOT_CHECKED : revocation;
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        role = role == null ? SignerRole.ISSUER : role;
    }

    /** The issuer's signature. */
    public SignatureReport(boolean valid, String signer, String algorithm, boolean coversDocument,
                           List<String> certificatePath, RevocationStatus revocation, ErrorCode failure,
                           String message, List<X509Certificate> certificates, TimestampReport timestamp) {
        this(valid, signer, algorithm, coversDocument, certificatePath, revocation, failure, message, certificates,
                timestamp, SignerRole.ISSUER);
    }

    /** A report of a signature without a time-stamp. */
    public SignatureReport(boolean valid, String signer, String algorithm, boolean coversDocument,
                           List<String> certificatePath, RevocationStatus revocation, ErrorCode failure,
                           String message, List<X509Certificate> certificates) {
        this(valid, signer, algorithm, coversDocument, certificatePath, revocation, failure, message, certificates,
                null);
    }

    /** A report without the certificates themselves. */
    public SignatureReport(boolean valid, String signer, String algorithm, boolean coversDocument,
                           List<String> certificatePath, RevocationStatus revocation, ErrorCode failure,
                           String message) {
        this(valid, signer, algorithm, coversDocument, certificatePath, revocation, failure, message, List.of());
    }
}
