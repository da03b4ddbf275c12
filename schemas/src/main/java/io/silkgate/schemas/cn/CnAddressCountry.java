package io.silkgate.schemas.cn;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The country of a fapiao buyer's free-text address. The fapiao has no country field: a buyer with a Chinese
 * taxpayer id is in China, and an overseas buyer (export invoices leave BuyerIdNum empty) is found by the country
 * its address names, in Chinese or English. Only the gateway's trading partners are listed; anything else is China.
 */
final class CnAddressCountry {

    private static final List<Map.Entry<String, List<String>>> NAMES = List.of(
            Map.entry("SG", List.of("新加坡", "singapore")),
            Map.entry("VN", List.of("越南", "vietnam", "viet nam")),
            Map.entry("MY", List.of("马来西亚", "malaysia")),
            Map.entry("ID", List.of("印度尼西亚", "印尼", "indonesia")),
            Map.entry("TH", List.of("泰国", "thailand")),
            Map.entry("AE", List.of("阿联酋", "阿拉伯联合酋长国", "united arab emirates")),
            Map.entry("DE", List.of("德国", "germany")),
            Map.entry("FR", List.of("法国", "france")),
            Map.entry("NL", List.of("荷兰", "netherlands")));

    private CnAddressCountry() {
    }

    static String of(String address) {
        String text = address.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> country : NAMES) {
            if (country.getValue().stream().anyMatch(text::contains)) {
                return country.getKey();
            }
        }
        return "CN";
    }
}
