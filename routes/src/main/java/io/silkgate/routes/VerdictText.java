package io.silkgate.routes;

import io.silkgate.verify.SignatureReport;
import io.silkgate.verify.VerificationResult;
import java.util.stream.Collectors;

/** A one-line summary of a signature verdict, kept in the ledger as evidence of what was verified. */
final class VerdictText {

    private VerdictText() {
    }

    static String of(VerificationResult result) {
        if (result == null) {
            return null;
        }
        return result.signatures().stream()
                .map(s -> (s.valid() ? "valid" : "invalid") + " signature by " + s.signer() + " (" + s.algorithm()
                        + ", revocation " + s.revocation().json() + ", path " + String.join(" <- ", s.certificatePath())
                        + ")")
                .collect(Collectors.joining("; "));
    }
}
