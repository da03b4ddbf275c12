package io.silkgate.schemas.national;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Decimal parsing and rounding shared by the national-format mappers and rule sets. */
public final class Amounts {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    private Amounts() {
    }

    /** A plain decimal ("12", "-3.50"), or null for anything else, including exponents and blanks. */
    public static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        return PLAIN_DECIMAL.matcher(t).matches() ? new BigDecimal(t) : null;
    }

    /** Rounds half-up to the given number of decimals, the commercial rounding all three formats use. */
    public static BigDecimal round(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    /** True when the two amounts differ by no more than the tolerance. */
    public static boolean close(BigDecimal a, BigDecimal b, BigDecimal tolerance) {
        return a.subtract(b).abs().compareTo(tolerance) <= 0;
    }

    /** The plain string of a number without trailing zeros or exponent ("1.50" → "1.5", "100" → "100"). */
    public static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        return v.toPlainString();
    }

    /** The number of decimals actually written, ignoring trailing zeros. */
    public static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }
}
