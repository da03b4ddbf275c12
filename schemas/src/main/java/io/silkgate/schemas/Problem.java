package io.silkgate.schemas;

/** One error or warning in a report: a contract code, a readable message and, where known, where it was found. */
public record Problem(String code, String message, String location) {

    public static Problem of(ErrorCode code, String message) {
        return new Problem(code.name(), message, null);
    }

    public static Problem at(ErrorCode code, String message, String location) {
        return new Problem(code.name(), message, location);
    }
}
