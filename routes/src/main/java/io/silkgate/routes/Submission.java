package io.silkgate.routes;

import java.util.List;

/**
 * A document as a submitter handed it in, before anything was checked.
 *
 * @param detachedSignature a detached CMS signature (DER) over {@code body} sent beside it, or null
 */
public record Submission(byte[] body, String mediaType, String submitter, String idempotencyKey,
        List<String> requestedDestinations, byte[] detachedSignature) {

    public Submission {
        requestedDestinations = requestedDestinations == null ? List.of() : List.copyOf(requestedDestinations);
    }

    /** A document without a detached signature (it is unsigned or carries its signature inside). */
    public Submission(byte[] body, String mediaType, String submitter, String idempotencyKey,
            List<String> requestedDestinations) {
        this(body, mediaType, submitter, idempotencyKey, requestedDestinations, null);
    }
}
