package io.silkgate.routes;

import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import java.util.List;

/** What the submitter is told: accepted (possibly as a duplicate of an earlier document) or rejected with codes. */
public record IntakeOutcome(String id, boolean accepted, boolean duplicate, String format, String sha256,
        List<String> destinations, ErrorCode code, String detail, List<Problem> errors) {

    public static IntakeOutcome accepted(String id, String format, String sha256, List<String> destinations) {
        return new IntakeOutcome(id, true, false, format, sha256, destinations, null, null, List.of());
    }

    public static IntakeOutcome duplicateOf(String id, String format, String sha256, List<String> destinations) {
        return new IntakeOutcome(id, true, true, format, sha256, destinations, null, null, List.of());
    }

    public static IntakeOutcome rejected(String id, String format, String sha256, ErrorCode code, String detail,
            List<Problem> errors) {
        return new IntakeOutcome(id, false, false, format, sha256, List.of(), code, detail, errors);
    }
}
