package io.silkgate.routes;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import java.util.Set;

/**
 * Turns an accepted original into what a partner receives. This build carries UBL-based invoices as they are
 * (the submitter's signed bytes, never re-serialised); a UBL-based profile may go to a partner that takes plain
 * {@code ubl}. Conversions between syntaxes come with the invoice mappers.
 */
public final class DocumentTranslator {

    private static final Set<String> UBL_BASED = Set.of("ubl", "peppol-bis3", "pint-sg", "pint-my", "pint-ae");

    public boolean canTranslate(String from, String to) {
        return from.equals(to) || (UBL_BASED.contains(from) && "ubl".equals(to));
    }

    /** Checked at intake, so a document is only accepted for partners it can really reach. */
    public void requireTranslation(String from, String to, String partner) {
        if (!canTranslate(from, to)) {
            throw new DocumentRejectedException(ErrorCode.NO_ROUTE, "partner " + partner + " receives " + to
                    + ", and this build cannot convert " + from + " to " + to);
        }
    }

    public byte[] translate(byte[] original, String from, String to) {
        requireTranslation(from, to, "?");
        return original;
    }
}
