package io.silkgate.schemas.id;

import java.util.Map;
import java.util.Set;

/**
 * Coretax units of measure ("UM.nnnn", the DJP reference list) for UN/ECE Recommendation 20 codes, and which of them
 * are time units that mark a service rather than goods.
 */
final class IdUnits {

    /** "Lainnya" (other): the Coretax unit for anything the list does not name. */
    static final String OTHER = "UM.0033";

    private static final Map<String, String> CORETAX = Map.ofEntries(
            Map.entry("TNE", "UM.0001"), Map.entry("KGM", "UM.0003"), Map.entry("GRM", "UM.0004"),
            Map.entry("CTM", "UM.0005"), Map.entry("KL", "UM.0006"), Map.entry("LTR", "UM.0007"),
            Map.entry("BLL", "UM.0008"), Map.entry("AMP", "UM.0010"), Map.entry("CMQ", "UM.0011"),
            Map.entry("MTK", "UM.0012"), Map.entry("MTR", "UM.0013"), Map.entry("INH", "UM.0014"),
            Map.entry("CMT", "UM.0015"), Map.entry("YRD", "UM.0016"), Map.entry("DZN", "UM.0017"),
            Map.entry("C62", "UM.0018"), Map.entry("EA", "UM.0018"), Map.entry("SET", "UM.0019"),
            Map.entry("ST", "UM.0020"), Map.entry("H87", "UM.0021"), Map.entry("XBX", "UM.0022"),
            Map.entry("ANN", "UM.0023"), Map.entry("MON", "UM.0024"), Map.entry("WEE", "UM.0025"),
            Map.entry("DAY", "UM.0026"), Map.entry("HUR", "UM.0027"), Map.entry("MIN", "UM.0028"),
            Map.entry("P1", "UM.0029"));

    private static final Set<String> TIME_UNITS = Set.of("ANN", "MON", "WEE", "DAY", "HUR", "MIN");

    private IdUnits() {
    }

    /** The Coretax unit for a UN/ECE code; UM.0033 (other) when the list has no such unit. */
    static String toCoretax(String unitCode) {
        return unitCode == null ? OTHER : CORETAX.getOrDefault(unitCode, OTHER);
    }

    /** True for units of time, which the writer takes as the mark of a service (Opt B). */
    static boolean isTimeUnit(String unitCode) {
        return unitCode != null && TIME_UNITS.contains(unitCode);
    }
}
