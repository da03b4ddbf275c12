package io.silkgate.schemas.cn;

import java.util.Map;

/** Units of measure of fapiao lines (MeaUnits, Chinese text) as UN/ECE Recommendation 20 codes for BT-130. */
final class CnUnits {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("个", "H87"), Map.entry("件", "H87"), Map.entry("台", "H87"), Map.entry("根", "H87"),
            Map.entry("只", "H87"), Map.entry("套", "SET"), Map.entry("箱", "XBX"), Map.entry("吨", "TNE"),
            Map.entry("千克", "KGM"), Map.entry("公斤", "KGM"), Map.entry("克", "GRM"), Map.entry("米", "MTR"),
            Map.entry("平方米", "MTK"), Map.entry("立方米", "MTQ"), Map.entry("升", "LTR"), Map.entry("天", "DAY"),
            Map.entry("日", "DAY"), Map.entry("月", "MON"), Map.entry("年", "ANN"), Map.entry("小时", "HUR"),
            Map.entry("千瓦时", "KWH"));

    private CnUnits() {
    }

    /** The UN/ECE code for a MeaUnits value; C62 (one) when absent or not in the table. */
    static String toCode(String meaUnits) {
        if (meaUnits == null || meaUnits.isBlank()) {
            return "C62";
        }
        return CODES.getOrDefault(meaUnits.trim(), "C62");
    }
}
