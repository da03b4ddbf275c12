package io.silkgate.verify;

import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The outcome of verifying every signature of one document.
 *
 * @param signedElement the element the verified Reference dereferenced to (the root for URI=""); null if not valid.
 *                      Business data must be read from this element, never re-found by XPath.
 */
public record VerificationResult(List<SignatureReport> signatures, List<Problem> errors, Element signedElement) {

    public VerificationResult {
        signatures = List.copyOf(signatures);
        errors = List.copyOf(errors);
    }

    /** True when there are no errors and at least one signature, all of them valid. */
    public boolean ok() {
        return errors.isEmpty() && !signatures.isEmpty() && signatures.stream().allMatch(SignatureReport::valid);
    }

    /** The contract code of the first failure, or null when {@link #ok()}. */
    public ErrorCode firstFailure() {
        if (!errors.isEmpty()) {
            return ErrorCode.valueOf(errors.get(0).code());
        }
        for (SignatureReport report : signatures) {
            if (!report.valid()) {
                return report.failure() == null ? ErrorCode.SIGNATURE_INVALID : report.failure();
            }
        }
        return signatures.isEmpty() ? ErrorCode.SIGNATURE_MISSING : null;
    }
}
