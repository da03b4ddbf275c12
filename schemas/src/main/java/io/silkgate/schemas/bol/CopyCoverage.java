package io.silkgate.schemas.bol;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.schemas.en16931.DroppedTerm;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Accounts for every value of a source transport document when a copy is written: a writer marks the JSON pointers
 * it carried and the ones it had to drop (with the reason); every other value counts as dropped because the target
 * has no place for it. The report names the highest pointer whose values all share one outcome.
 */
final class CopyCoverage {

    private final String defaultReason;
    private final List<String> carried = new ArrayList<>();
    private final Map<String, String> dropped = new LinkedHashMap<>();
    private final List<DroppedTerm> fixed = new ArrayList<>();

    CopyCoverage(String defaultReason) {
        this.defaultReason = defaultReason;
    }

    /** The value at {@code pointer} (and everything below it) is in the copy. */
    void carry(String pointer) {
        carried.add(pointer);
    }

    /** The value at {@code pointer} (and everything below it) is not in the copy, for this reason. */
    void drop(String pointer, String reason) {
        dropped.put(pointer, reason);
    }

    /** Something that is not a field of the document itself (its signatures, its title chain) cannot travel. */
    void dropOutside(String term, String reason) {
        fixed.add(new DroppedTerm(term, reason));
    }

    /** The carried and dropped terms for {@code source}, as JSON pointers. */
    Report report(JsonNode source) {
        List<String> carriedOut = new ArrayList<>();
        List<DroppedTerm> droppedOut = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            emit(summarise(f.getValue(), "/" + escape(f.getKey()), carriedOut, droppedOut), carriedOut, droppedOut);
        }
        droppedOut.addAll(fixed);
        return new Report(List.copyOf(carriedOut), List.copyOf(droppedOut));
    }

    /** The carried terms and dropped terms of one copy. */
    record Report(List<String> carried, List<DroppedTerm> dropped) {
    }

    /** One outcome shared by a whole subtree: carried (reason null) or dropped for a reason. */
    private record Outcome(String pointer, boolean isCarried, String reason) {
        boolean sameAs(Outcome o) {
            return isCarried == o.isCarried && Objects.equals(reason, o.reason);
        }
    }

    /** Returns the subtree's common outcome, or null after emitting its children's outcomes when they differ. */
    private Outcome summarise(JsonNode node, String pointer, List<String> carriedOut, List<DroppedTerm> droppedOut) {
        if (!node.isContainerNode() || node.isEmpty()) {
            return leaf(pointer);
        }
        List<Outcome> children = new ArrayList<>();
        boolean mixed = false;
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Outcome o = summarise(node.get(i), pointer + "/" + i, carriedOut, droppedOut);
                mixed |= o == null;
                children.add(o);
            }
        } else {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                Outcome o = summarise(f.getValue(), pointer + "/" + escape(f.getKey()), carriedOut, droppedOut);
                mixed |= o == null;
                children.add(o);
            }
        }
        if (!mixed && children.stream().allMatch(c -> c.sameAs(children.get(0)))) {
            return new Outcome(pointer, children.get(0).isCarried, children.get(0).reason);
        }
        children.stream().filter(Objects::nonNull).forEach(c -> emit(c, carriedOut, droppedOut));
        return null;
    }

    private Outcome leaf(String pointer) {
        String bestCarried = longestPrefix(carried, pointer);
        String bestDropped = longestPrefix(dropped.keySet(), pointer);
        if (bestCarried != null && (bestDropped == null || bestCarried.length() >= bestDropped.length())) {
            return new Outcome(pointer, true, null);
        }
        return new Outcome(pointer, false, bestDropped != null ? dropped.get(bestDropped) : defaultReason);
    }

    private static void emit(Outcome o, List<String> carriedOut, List<DroppedTerm> droppedOut) {
        if (o == null) {
            return;
        }
        if (o.isCarried) {
            carriedOut.add(o.pointer);
        } else {
            droppedOut.add(new DroppedTerm(o.pointer, o.reason));
        }
    }

    private static String longestPrefix(Iterable<String> prefixes, String pointer) {
        String best = null;
        for (String p : prefixes) {
            if ((pointer.equals(p) || pointer.startsWith(p + "/")) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
