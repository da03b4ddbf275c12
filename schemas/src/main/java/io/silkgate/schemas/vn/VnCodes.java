package io.silkgate.schemas.vn;

import java.util.regex.Pattern;

/** Formats of the Vietnamese identifiers and codes that the vn-tt78 rules and mapper rely on. */
final class VnCodes {

    /** Tax code (mã số thuế): 10 digits, or 10 + "-" + 3 digits for a dependent unit (14 characters). */
    static final Pattern MST = Pattern.compile("[0-9]{10}(-[0-9]{3})?");

    /** Tax codes written without the dash (13 digits) are normalised to the dash form. */
    static final Pattern MST_UNDASHED = Pattern.compile("[0-9]{13}");

    /** A foreign party's tax identifier as carried for an imported or cross-border invoice. */
    static final Pattern FOREIGN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./-]{0,19}");

    /**
     * Invoice series (ký hiệu hóa đơn): C (with tax-authority code) or K (without), two digits of the year of
     * issue, one letter for the kind of issuer, two letters or digits chosen by the seller.
     */
    static final Pattern SERIES = Pattern.compile("[CK]([0-9]{2})[TDLMNBGHX][A-Z0-9]{2}");

    /** The canonical invoice number carried in BT-1: form code, series, a dash, the number. */
    static final Pattern CANONICAL_NUMBER = Pattern.compile("([1-6])([CK][0-9]{2}[A-Z][A-Z0-9]{2})-([0-9]{1,8})");

    /** Key of the TTKhac field that names a foreign party's country (ISO 3166-1 alpha-2). */
    static final String COUNTRY_FIELD = "QuocGia";

    /** Key of the TTKhac field that keeps an invoice number that does not fit the Vietnamese numbering. */
    static final String ORIGINAL_NUMBER_FIELD = "SoHoaDonGoc";

    /** Key of the TTKhac field on a line that marks a document-level charge written as a line. */
    static final String LINE_KIND_FIELD = "LoaiDong";

    /** Value of {@link #LINE_KIND_FIELD} for a document-level charge. */
    static final String CHARGE_LINE = "PhuPhi";

    private VnCodes() {
    }

    /** True for a Vietnamese tax code in either accepted spelling. */
    static boolean isVnTaxCode(String value) {
        return value != null && MST.matcher(value).matches();
    }
}
