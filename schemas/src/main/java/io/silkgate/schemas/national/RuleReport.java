package io.silkgate.schemas.national;

import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects the business-rule failures of one document as {@code RULES_INVALID} problems located at their rule id. */
public final class RuleReport {

    private final List<Problem> problems = new ArrayList<>();

    /** Records a failure of {@code ruleId}; the message says what and where, the location is the rule id. */
    public void fail(String ruleId, String message) {
        problems.add(Problem.at(ErrorCode.RULES_INVALID, "[" + ruleId + "] " + message, ruleId));
    }

    /** Records a failure of {@code ruleId} unless {@code ok}. */
    public void check(boolean ok, String ruleId, String message) {
        if (!ok) {
            fail(ruleId, message);
        }
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }
}
