package io.silkgate.pint;

/** The signed verdicts of a DCSA PINT receiver, with the HTTP status the specification pairs them with. */
public enum PintResponseCode {
    /** Accepted: the transfer is complete. */
    RECE(200, false),
    /** Accepted earlier: the same transfer was already completed. */
    DUPE(200, false),
    /** A signature could not be verified (unknown key, bad signature, forbidden algorithm). */
    BSIG(422, true),
    /** The envelope is unacceptable (broken chain, wrong recipient, checksum mismatch, bad transaction). */
    BENV(422, true),
    /** An additional document does not match its checksum or size, or was not declared; the transfer goes on. */
    INCD(409, false),
    /** Additional documents are still missing at finish; send them and finish again. */
    MDOC(409, false),
    /** The chain contradicts what this receiver already knows about the eBL: a risk of double spending. */
    DISE(409, true);

    private final int httpStatus;
    private final boolean rejectsTransfer;

    PintResponseCode(int httpStatus, boolean rejectsTransfer) {
        this.httpStatus = httpStatus;
        this.rejectsTransfer = rejectsTransfer;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** True when the verdict ends the transfer for good (the sender keeps the eBL). */
    public boolean rejectsTransfer() {
        return rejectsTransfer;
    }

    /** True for RECE and DUPE: the receiver holds the eBL. */
    public boolean accepted() {
        return this == RECE || this == DUPE;
    }
}
