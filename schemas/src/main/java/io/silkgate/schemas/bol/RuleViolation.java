package io.silkgate.schemas.bol;

import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;

/**
 * One broken rule of a bill of lading: the rule id, the JSON pointer of the offending value and the contract code it
 * maps to ({@code SCHEMA_INVALID} for structure, types, code lists and lengths; {@code RULES_INVALID} for the
 * specification's conditional rules).
 */
public record RuleViolation(String rule, String pointer, String message, ErrorCode code) {

    /** A structural violation: required field, type, code list, length, pattern, number range. */
    public static RuleViolation schema(String rule, String pointer, String message) {
        return new RuleViolation(rule, pointer, message, ErrorCode.SCHEMA_INVALID);
    }

    /** A violation of a conditional (business) rule of the specification. */
    public static RuleViolation rule(String rule, String pointer, String message) {
        return new RuleViolation(rule, pointer, message, ErrorCode.RULES_INVALID);
    }

    public boolean isSchema() {
        return code == ErrorCode.SCHEMA_INVALID;
    }

    /** The report shape: the contract code, "rule: message" and the pointer as location. */
    public Problem toProblem() {
        return new Problem(code.name(), rule + ": " + message, pointer.isEmpty() ? "/" : pointer);
    }
}
