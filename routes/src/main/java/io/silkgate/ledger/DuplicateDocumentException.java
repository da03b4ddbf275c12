package io.silkgate.ledger;

/** Thrown when a document repeats an already accepted one (same idempotency key or same business key). */
public class DuplicateDocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String existingId;

    public DuplicateDocumentException(String existingId, String message) {
        super(message);
        this.existingId = existingId;
    }

    /** Id of the document that was accepted first; the submitter gets this id back. */
    public String existingId() {
        return existingId;
    }
}
