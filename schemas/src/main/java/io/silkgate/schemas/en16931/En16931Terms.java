package io.silkgate.schemas.en16931;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The catalogue of EN 16931-1 term ids (BG-1..BG-32, BT-1..BT-165 and their scheme sub-terms) and their order. */
public final class En16931Terms {

    /** Sub-terms of EN 16931 identifiers and attachments that the model keeps (scheme id, version, mime, name). */
    public static final List<String> SUB_TERMS = List.of("BT-18-1", "BT-29-1", "BT-30-1", "BT-34-1", "BT-46-1",
            "BT-47-1", "BT-49-1", "BT-60-1", "BT-61-1", "BT-71-1", "BT-125-1", "BT-125-2", "BT-128-1", "BT-157-1",
            "BT-158-1", "BT-158-2");

    private static final Comparator<String> BY_PARTS = Comparator.comparing((String id) -> id.startsWith("BG") ? 0 : 1)
            .thenComparingInt(id -> part(id, 1)).thenComparingInt(id -> part(id, 2)).thenComparing(id -> id);

    private static final Set<String> ALL = build();
    // Positions of the known ids: the model's term sets are sorted on every conversion, and splitting the ids
    // apart on each comparison was a fifth of a conversion's CPU.
    private static final Map<String, Integer> RANK = rank(ALL);

    /** BG before BT, then by number, then by sub-term number: "BG-2" &lt; "BT-1" &lt; "BT-29" &lt; "BT-29-1" &lt; "BT-30". */
    public static final Comparator<String> ORDER = (a, b) -> {
        Integer rankA = RANK.get(a);
        Integer rankB = RANK.get(b);
        return rankA != null && rankB != null ? Integer.compare(rankA, rankB) : BY_PARTS.compare(a, b);
    };

    private En16931Terms() {
    }

    /** Every term id of the model, in EN 16931 order (BT-4 does not exist in EN 16931). */
    public static Set<String> all() {
        return ALL;
    }

    /** Every term id except the given ones: convenient for formats that can hold nearly everything. */
    public static Set<String> allExcept(String... excluded) {
        Set<String> result = new TreeSet<>(ORDER);
        result.addAll(ALL);
        result.removeAll(Arrays.asList(excluded));
        return Collections.unmodifiableSet(result);
    }

    /** The given ids in EN 16931 order. */
    public static List<String> sorted(Collection<String> ids) {
        return ids.stream().sorted(ORDER).toList();
    }

    private static Map<String, Integer> rank(Set<String> ordered) {
        Map<String, Integer> rank = new HashMap<>();
        for (String id : ordered) {
            rank.put(id, rank.size());
        }
        return Map.copyOf(rank);
    }

    private static Set<String> build() {
        Set<String> ids = new TreeSet<>(BY_PARTS);
        for (int i = 1; i <= 32; i++) {
            ids.add("BG-" + i);
        }
        for (int i = 1; i <= 165; i++) {
            if (i != 4) {
                ids.add("BT-" + i);
            }
        }
        ids.addAll(SUB_TERMS);
        return Collections.unmodifiableSet(new LinkedHashSet<>(ids));
    }

    private static int part(String id, int index) {
        String[] parts = id.split("-");
        if (parts.length <= index) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[index]);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
