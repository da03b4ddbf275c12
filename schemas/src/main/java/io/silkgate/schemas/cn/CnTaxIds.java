package io.silkgate.schemas.cn;

import java.util.regex.Pattern;

/**
 * Chinese party identifiers: the 18-character unified social credit code (统一社会信用代码, GB 32100-2015) with its
 * mod-31 check character, the 18-character resident identity number (GB 11643, ISO 7064 MOD 11-2), and the
 * older 15- to 20-character taxpayer identification numbers.
 */
final class CnTaxIds {

    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final Pattern RESIDENT_ID = Pattern.compile("[0-9]{17}[0-9X]");

    private static final Pattern LEGACY_TAXPAYER_ID = Pattern.compile("[0-9A-Z]{15}|[0-9A-Z]{17}|[0-9A-Z]{20}");

    private CnTaxIds() {
    }

    /** True for a unified social credit code whose 18th character is its check character. */
    static boolean isUnifiedSocialCreditCode(String code) {
        if (code == null || !USCC.matcher(code).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == USCC_CHARS.charAt(check);
    }

    /** True for a resident identity number whose last character is its check character. */
    static boolean isResidentIdNumber(String id) {
        if (id == null || !RESIDENT_ID.matcher(id).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return id.charAt(17) == ID_CHECK.charAt(sum % 11);
    }

    /** True for any identifier a buyer may carry: credit code, resident id, or an older taxpayer number. */
    static boolean isBuyerId(String id) {
        if (id == null) {
            return false;
        }
        if (id.length() == 18) {
            return isUnifiedSocialCreditCode(id) || isResidentIdNumber(id);
        }
        return LEGACY_TAXPAYER_ID.matcher(id).matches();
    }
}
