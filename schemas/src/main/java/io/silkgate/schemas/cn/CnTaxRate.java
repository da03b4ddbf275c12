package io.silkgate.schemas.cn;

import io.silkgate.schemas.national.Amounts;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * A value of the fapiao TaxRate field: a VAT rate written as a fraction ("0.13") or a percentage ("13%"), or the
 * words for an exempt (免税) or non-taxable (不征税) item. Only the VAT rates 0, 1, 3, 5, 6, 9 and 13 % exist.
 */
record CnTaxRate(Kind kind, BigDecimal percent) {

    /** What kind of tax treatment the value stands for. */
    enum Kind { RATE, EXEMPT, NOT_TAXABLE }

    static final String EXEMPT_TEXT = "免税";
    static final String NOT_TAXABLE_TEXT = "不征税";

    private static final Set<BigDecimal> ALLOWED_PERCENT = Set.of(
            new BigDecimal("0"), new BigDecimal("1"), new BigDecimal("3"), new BigDecimal("5"),
            new BigDecimal("6"), new BigDecimal("9"), new BigDecimal("13"));

    /** The written value as a rate, or empty when it is not readable as one. */
    static Optional<CnTaxRate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (EXEMPT_TEXT.equals(t)) {
            return Optional.of(new CnTaxRate(Kind.EXEMPT, BigDecimal.ZERO));
        }
        if (NOT_TAXABLE_TEXT.equals(t)) {
            return Optional.of(new CnTaxRate(Kind.NOT_TAXABLE, BigDecimal.ZERO));
        }
        BigDecimal percent;
        if (t.endsWith("%")) {
            percent = Amounts.parse(t.substring(0, t.length() - 1));
        } else {
            BigDecimal fraction = Amounts.parse(t);
            percent = fraction == null ? null : fraction.movePointRight(2);
        }
        if (percent == null) {
            return Optional.empty();
        }
        BigDecimal p = percent.stripTrailingZeros();
        return Optional.of(new CnTaxRate(Kind.RATE, p.scale() < 0 ? p.setScale(0) : p));
    }

    /** True when this is one of the VAT rates the law sets, or an exempt or non-taxable item. */
    boolean allowed() {
        return kind != Kind.RATE || ALLOWED_PERCENT.contains(percent);
    }

    /** The tax this rate gives on an amount, unrounded; zero for exempt and non-taxable items. */
    BigDecimal taxOn(BigDecimal amount) {
        return kind == Kind.RATE ? amount.multiply(percent).movePointLeft(2) : BigDecimal.ZERO;
    }
}
