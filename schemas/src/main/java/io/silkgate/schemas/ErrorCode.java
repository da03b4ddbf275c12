package io.silkgate.schemas;

/** The rejection codes of the public contract (CONTRACT.md §4), with the HTTP status each one maps to. */
public enum ErrorCode {
    MALFORMED(400),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    SIGNATURE_MISSING(422),
    SIGNATURE_INVALID(422),
    CERTIFICATE_UNTRUSTED(422),
    CERTIFICATE_REVOKED(422),
    CERTIFICATE_EXPIRED(422),
    SIGNER_NOT_AUTHORIZED(422),
    SCHEMA_INVALID(422),
    RULES_INVALID(422),
    UNKNOWN_FORMAT(422),
    NO_ROUTE(422),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    /** The submitter sent more requests than its rate limit allows; retry after the time the answer names. */
    TOO_MANY_REQUESTS(429);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
