package io.silkgate.schemas.vn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes an amount in Vietnamese words for TgTTTBChu (tổng tiền thanh toán bằng chữ), e.g. 31 030 VND →
 * "Ba mươi mốt nghìn không trăm ba mươi đồng".
 */
final class VietnameseAmountInWords {

    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final String[] GROUPS = {"", "nghìn", "triệu", "tỷ"};
    private static final Map<String, String[]> CURRENCY = Map.of(
            "VND", new String[] {"đồng", ""},
            "USD", new String[] {"đô la Mỹ", "xu"},
            "EUR", new String[] {"euro", "xu"},
            "CNY", new String[] {"nhân dân tệ", "xu"},
            "JPY", new String[] {"yên Nhật", ""},
            "SGD", new String[] {"đô la Singapore", "xu"});

    private VietnameseAmountInWords() {
    }

    /** The amount in words with its currency name; fractions are written as cents of the currency. */
    static String of(BigDecimal amount, String currency) {
        String[] names = CURRENCY.getOrDefault(currency, new String[] {currency, "xu"});
        BigDecimal abs = amount.abs();
        BigInteger whole = abs.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
        int cents = abs.subtract(new BigDecimal(whole)).movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValue();
        StringBuilder sb = new StringBuilder();
        if (amount.signum() < 0) {
            sb.append("âm ");
        }
        sb.append(words(whole)).append(' ').append(names[0]);
        if (cents > 0 && !names[1].isEmpty()) {
            sb.append(' ').append(words(BigInteger.valueOf(cents))).append(' ').append(names[1]);
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }

    /** A non-negative whole number in words. */
    static String words(BigInteger number) {
        if (number.signum() == 0) {
            return DIGITS[0];
        }
        List<Integer> blocks = new ArrayList<>();
        BigInteger thousand = BigInteger.valueOf(1000);
        for (BigInteger n = number; n.signum() > 0; n = n.divide(thousand)) {
            blocks.add(n.mod(thousand).intValue());
        }
        List<String> parts = new ArrayList<>();
        for (int i = blocks.size() - 1; i >= 0; i--) {
            int block = blocks.get(i);
            if (block == 0) {
                continue;
            }
            boolean leading = i == blocks.size() - 1;
            parts.add(block(block, leading));
            String group = groupName(i);
            if (!group.isEmpty()) {
                parts.add(group);
            }
        }
        return String.join(" ", parts);
    }

    // Beyond "tỷ" the names repeat: 10^12 is "nghìn tỷ", 10^15 "triệu tỷ", 10^18 "tỷ tỷ".
    private static String groupName(int index) {
        if (index == 0) {
            return "";
        }
        StringBuilder name = new StringBuilder(GROUPS[(index - 1) % 3 + 1]);
        for (int k = 0; k < (index - 1) / 3; k++) {
            name.append(" tỷ");
        }
        return name.toString();
    }

    private static String block(int value, boolean leading) {
        int hundreds = value / 100;
        int tens = value / 10 % 10;
        int units = value % 10;
        List<String> words = new ArrayList<>();
        if (hundreds > 0 || !leading) {
            words.add(DIGITS[hundreds]);
            words.add("trăm");
        }
        if (tens == 0) {
            if (units > 0 && (hundreds > 0 || !leading)) {
                words.add("linh");
            }
        } else if (tens == 1) {
            words.add("mười");
        } else {
            words.add(DIGITS[tens]);
            words.add("mươi");
        }
        if (units > 0) {
            if (units == 1 && tens >= 2) {
                words.add("mốt");
            } else if (units == 5 && tens >= 1) {
                words.add("lăm");
            } else {
                words.add(DIGITS[units]);
            }
        }
        return String.join(" ", words);
    }
}
