package io.silkgate.schemas;

/** One error or warning in a report: a contract code, a readable message and, where known, where it was found. */
public record Problem(String code, String message, String location) {

    public static Problem of(ErrorCode code, String message) {
        return new Problem(code.name(), message, null);
    }

    public static Problem at(ErrorCode code, String message, String location) {
        return new Problem(code.name(), message, location);
    }

    /** The report and API shape: {@code code}, {@code message} and, when known, {@code location}. */
    public java.util.Map<String, Object> asMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("code", code);
        m.put("message", message);
        if (location != null) {
            m.put("location", location);
        }
        return m;
    }
}
