package io.silkgate.pint;

import java.util.Objects;

/** Why an envelope, a chain entry or an additional document is refused, as a PINT response code and a reason. */
public final class PintRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final PintResponseCode code;

    public PintRejection(PintResponseCode code, String reason) {
        super(Objects.requireNonNull(reason, "reason"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public PintResponseCode code() {
        return code;
    }

    /** The reason, clipped to the 255 characters a signed PINT response may carry. */
    public String reason() {
        String m = getMessage();
        return m.length() <= 255 ? m : m.substring(0, 254) + "\u2026";
    }
}
