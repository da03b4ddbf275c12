package io.silkgate.schemas.vn;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value of the Vietnamese tax rate field TSuat: one of the VAT rates 0 %, 5 %, 8 %, 10 %, "KHAC:x%" (another
 * rate), "KCT" (not subject to VAT) or "KKKNT" (not declared or paid, e.g. sales outside the VAT scope).
 */
public record VnTaxRate(String text, Kind kind, BigDecimal percent) {

    /** What kind of tax treatment the value stands for. */
    public enum Kind { RATE, OTHER_RATE, NOT_SUBJECT, NOT_DECLARED }

    private static final Pattern STANDARD = Pattern.compile("(0|5|8|10)%");
    private static final Pattern OTHER = Pattern.compile("KHAC:([0-9]{1,2}(\\.[0-9]{1,2})?)%");

    /** The value as written in a document, or empty when it is not one the format allows. */
    public static Optional<VnTaxRate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (STANDARD.matcher(t).matches()) {
            return Optional.of(new VnTaxRate(t, Kind.RATE, new BigDecimal(t.substring(0, t.length() - 1))));
        }
        Matcher m = OTHER.matcher(t);
        if (m.matches()) {
            return Optional.of(new VnTaxRate(t, Kind.OTHER_RATE, new BigDecimal(m.group(1))));
        }
        if ("KCT".equals(t)) {
            return Optional.of(new VnTaxRate(t, Kind.NOT_SUBJECT, BigDecimal.ZERO));
        }
        if ("KKKNT".equals(t)) {
            return Optional.of(new VnTaxRate(t, Kind.NOT_DECLARED, BigDecimal.ZERO));
        }
        return Optional.empty();
    }

    /** The field value for a numeric rate: the standard spelling for 0/5/8/10 %, otherwise "KHAC:x%". */
    public static VnTaxRate ofPercent(BigDecimal percent) {
        BigDecimal p = percent.stripTrailingZeros();
        String plain = p.scale() <= 0 ? p.setScale(0).toPlainString() : p.toPlainString();
        if (plain.equals("0") || plain.equals("5") || plain.equals("8") || plain.equals("10")) {
            return new VnTaxRate(plain + "%", Kind.RATE, p);
        }
        return new VnTaxRate("KHAC:" + plain + "%", Kind.OTHER_RATE, p);
    }

    /** True when tax is computed from this value (a numeric rate). */
    public boolean numeric() {
        return kind == Kind.RATE || kind == Kind.OTHER_RATE;
    }
}
