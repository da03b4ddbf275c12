package io.silkgate.verify;

import io.silkgate.schemas.ErrorCode;
import java.util.List;

/**
 * The verdict on one signature, shaped like CONTRACT.md §2's verify report entry.
 *
 * @param signer          subject DN of the signing certificate (RFC 2253), null if it could not be determined
 * @param algorithm       signature method URI, null if the signature could not be read
 * @param certificatePath subject DNs from the signer to the trust anchor; empty when no path was built
 * @param failure         null if valid
 * @param message         why the signature is not valid, readable; null if valid
 */
public record SignatureReport(boolean valid, String signer, String algorithm, boolean coversDocument,
                              List<String> certificatePath, RevocationStatus revocation, ErrorCode failure,
                              String message) {

    public SignatureReport {
        certificatePath = certificatePath == null ? List.of() : List.copyOf(certificatePath);
        revocation = revocation == null ? RevocationStatus.NOT_CHECKED : revocation;
    }
}
