package io.silkgate.verify;

/** Whether a certificate was revoked at the verification instant, as far as the configured CRLs tell. */
public enum RevocationStatus {
    GOOD("good"),
    REVOKED("revoked"),
    UNKNOWN("unknown"),
    NOT_CHECKED("not-checked");

    private final String json;

    RevocationStatus(String json) {
        this.json = json;
    }

    /** The value used in JSON reports (CONTRACT.md §2). */
    public String json() {
        return json;
    }
}
