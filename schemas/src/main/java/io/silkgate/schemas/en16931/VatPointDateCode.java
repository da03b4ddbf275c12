package io.silkgate.schemas.en16931;

import java.util.Map;
import java.util.Optional;

/**
 * BT-8 code translation. The model keeps BT-8 as UBL writes it (UNTDID 2005: 3, 35, 432); CII writes the same meaning
 * as an UNTDID 2475 code (5, 29, 72) in DueDateTypeCode, and copying the code verbatim breaks BR-CL-06.
 */
public final class VatPointDateCode {

    // 3 = invoice document issue date, 35 = actual delivery date, 432 = paid to date.
    private static final Map<String, String> UNTDID_2005_TO_2475 = Map.of("3", "5", "35", "29", "432", "72");
    private static final Map<String, String> UNTDID_2475_TO_2005 = Map.of("5", "3", "29", "35", "72", "432");

    private VatPointDateCode() {
    }

    /** The UNTDID 2475 code (CII) for a model / UBL code; empty for a code EN 16931 does not allow. */
    public static Optional<String> toUntdid2475(String untdid2005) {
        return Optional.ofNullable(untdid2005 == null ? null : UNTDID_2005_TO_2475.get(untdid2005.trim()));
    }

    /** The model / UBL code (UNTDID 2005) for a CII code; empty for a code EN 16931 does not allow. */
    public static Optional<String> fromUntdid2475(String untdid2475) {
        return Optional.ofNullable(untdid2475 == null ? null : UNTDID_2475_TO_2005.get(untdid2475.trim()));
    }
}
