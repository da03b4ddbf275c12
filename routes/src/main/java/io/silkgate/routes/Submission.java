package io.silkgate.routes;

import java.util.List;

/** A document as a submitter handed it in, before anything was checked. */
public record Submission(byte[] body, String mediaType, String submitter, String idempotencyKey,
        List<String> requestedDestinations) {

    public Submission {
        requestedDestinations = requestedDestinations == null ? List.of() : List.copyOf(requestedDestinations);
    }
}
