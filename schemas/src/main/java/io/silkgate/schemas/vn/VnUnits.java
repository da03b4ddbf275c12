package io.silkgate.schemas.vn;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Units of measure between the free-text DVTinh of Vietnamese invoices and UN/ECE Recommendation 20 codes (BT-130).
 * Known Vietnamese names map both ways; a field that already holds a code keeps it; anything else reads as C62 (one).
 */
final class VnUnits {

    private static final Map<String, String> NAME_TO_CODE = Map.ofEntries(
            Map.entry("cái", "H87"), Map.entry("chiếc", "H87"), Map.entry("kg", "KGM"), Map.entry("g", "GRM"),
            Map.entry("tấn", "TNE"), Map.entry("lít", "LTR"), Map.entry("m", "MTR"), Map.entry("mét", "MTR"),
            Map.entry("m2", "MTK"), Map.entry("m3", "MTQ"), Map.entry("bộ", "SET"), Map.entry("hộp", "XBX"),
            Map.entry("thùng", "XCT"), Map.entry("giờ", "HUR"), Map.entry("ngày", "DAY"), Map.entry("tháng", "MON"),
            Map.entry("năm", "ANN"), Map.entry("lần", "C62"), Map.entry("kwh", "KWH"));

    private static final Map<String, String> CODE_TO_NAME = Map.ofEntries(
            Map.entry("H87", "cái"), Map.entry("KGM", "kg"), Map.entry("GRM", "g"), Map.entry("TNE", "tấn"),
            Map.entry("LTR", "lít"), Map.entry("MTR", "m"), Map.entry("MTK", "m2"), Map.entry("MTQ", "m3"),
            Map.entry("SET", "bộ"), Map.entry("XBX", "hộp"), Map.entry("XCT", "thùng"), Map.entry("HUR", "giờ"),
            Map.entry("DAY", "ngày"), Map.entry("MON", "tháng"), Map.entry("ANN", "năm"), Map.entry("KWH", "kWh"));

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,3}");
    private static final String ONE = "C62";

    private VnUnits() {
    }

    /** The UN/ECE code for a DVTinh value; C62 when the unit is absent or unknown. */
    static String toCode(String dvTinh) {
        if (dvTinh == null || dvTinh.isBlank()) {
            return ONE;
        }
        String t = dvTinh.trim();
        if (CODE.matcher(t).matches()) {
            return t;
        }
        return NAME_TO_CODE.getOrDefault(t.toLowerCase(Locale.ROOT), ONE);
    }

    /** The DVTinh text for a code: the Vietnamese name when known, the code itself otherwise. */
    static String toName(String code) {
        if (code == null) {
            return null;
        }
        return CODE_TO_NAME.getOrDefault(code, code);
    }
}
