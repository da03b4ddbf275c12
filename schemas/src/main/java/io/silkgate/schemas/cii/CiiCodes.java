package io.silkgate.schemas.cii;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The code translations and qualifiers of the EN 16931 CII binding (CEN/TS 16931-3-3) that the model does not use. */
final class CiiCodes {

    /** Date format qualifier (UNTDID 2379) that EN 16931 allows for every CII date: CCYYMMDD. */
    static final String DATE_FORMAT_102 = "102";

    /** Tax registration scheme of a VAT identifier (BT-31, BT-48, BT-63). */
    static final String VAT_SCHEME = "VA";
    /** Tax registration scheme of the seller's local tax registration identifier (BT-32). */
    static final String TAX_REGISTRATION_SCHEME = "FC";
    /** The only tax type of EN 16931 (UNTDID 5153). */
    static final String VAT = "VAT";

    /** AdditionalReferencedDocument TypeCode (UNTDID 1001) of a tender or lot reference (BT-17). */
    static final String TENDER_OR_LOT = "50";
    /** AdditionalReferencedDocument TypeCode of an invoiced object identifier (BT-18, line BT-128). */
    static final String INVOICED_OBJECT = "130";
    /** AdditionalReferencedDocument TypeCode of a supporting document (BG-24). */
    static final String SUPPORTING_DOCUMENT = "916";

    /** CII requires a project name beside its id; EN 16931 has no term for it, so the binding fixes this text. */
    static final String PROJECT_NAME = "Project reference";

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    // EN 16931 stores BT-8 as UNTDID 2005 (as UBL does); the CII binding uses UNTDID 2475 for the same three events.
    private static final Map<String, String> UNTDID_2005_TO_2475 = Map.of("3", "5", "35", "29", "432", "72");
    private static final Map<String, String> UNTDID_2475_TO_2005 = Map.of("5", "3", "29", "35", "72", "432");

    private CiiCodes() {
    }

    /**
     * The CII DueDateTypeCode (UNTDID 2475) for a model BT-8 code (UNTDID 2005). A code outside the three that
     * EN 16931 allows is passed through unchanged so that the business rules, not this mapping, reject it.
     */
    static String vatPointDateCodeToCii(String untdid2005) {
        return untdid2005 == null ? null : UNTDID_2005_TO_2475.getOrDefault(untdid2005, untdid2005);
    }

    /** The model BT-8 code (UNTDID 2005) for a CII DueDateTypeCode (UNTDID 2475); unknown codes pass through. */
    static String vatPointDateCodeFromCii(String untdid2475) {
        return untdid2475 == null ? null : UNTDID_2475_TO_2005.getOrDefault(untdid2475, untdid2475);
    }

    /** A date written as CCYYMMDD with format qualifier 102. */
    static String formatDate(LocalDate date) {
        return date.format(CCYYMMDD);
    }

    /**
     * Parses a CII date string. EN 16931 allows only format 102; a missing qualifier is accepted when the text is
     * plainly CCYYMMDD, because a few producers leave it out.
     */
    static LocalDate parseDate(String text, String format, String term) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (format != null && !DATE_FORMAT_102.equals(format.strip())) {
            throw rejected(term + " uses date format " + format + "; EN 16931 allows only format 102 (CCYYMMDD)",
                    term);
        }
        try {
            return LocalDate.parse(value, CCYYMMDD);
        } catch (DateTimeParseException e) {
            throw rejected(term + " is not a CCYYMMDD date: '" + value + "'", term);
        }
    }

    private static DocumentRejectedException rejected(String message, String term) {
        return new DocumentRejectedException(ErrorCode.SCHEMA_INVALID, message,
                List.of(Problem.at(ErrorCode.SCHEMA_INVALID, message, term)));
    }
}
