package io.silkgate.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One YAML mapping being read key by key: typed getters that report wrong types at the key's path, and
 * {@link #finish()} that reports every key nobody asked for, so that a misspelt key never passes silently.
 */
final class YamlSection {

    private final JsonNode node;
    private final String path;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();

    private YamlSection(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The mapping at {@code path}, or null (with a problem recorded) if the node is something else. */
    static YamlSection of(JsonNode node, String path, Problems problems) {
        if (!node.isObject()) {
            problems.add(path, "expected a mapping (key: value), found " + describe(node));
            return null;
        }
        return new YamlSection(node, path, problems);
    }

    /** A mapping with no keys, for a section that the file leaves out. */
    static YamlSection empty(String path, Problems problems) {
        return new YamlSection(JsonNodeFactory.instance.objectNode(), path, problems);
    }

    String path() {
        return path;
    }

    Problems problems() {
        return problems;
    }

    /** The path of a key of this mapping. */
    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The value of a key, or null when absent or written as an empty value; marks the key as known. */
    JsonNode raw(String key) {
        known.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    boolean has(String key) {
        return raw(key) != null;
    }

    /** Reports a missing required key. */
    void missing(String key) {
        problems.add(child(key), "missing (required)");
    }

    /** A string, or null when absent or of the wrong type (then reported). */
    String string(String key) {
        return text(raw(key), child(key), false);
    }

    /** A required, non-empty string, or null after reporting why not. */
    String requiredString(String key) {
        JsonNode value = raw(key);
        if (value == null) {
            missing(key);
            return null;
        }
        String s = text(value, child(key), false);
        if (s != null && s.isBlank()) {
            problems.add(child(key), "must not be empty");
            return null;
        }
        return s;
    }

    /** A secret string; its value never appears in a problem. */
    String secretString(String key) {
        return text(raw(key), child(key), true);
    }

    /** An integer, or null when absent or of the wrong type (then reported). */
    Long integer(String key) {
        JsonNode value = raw(key);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problems.add(child(key), "expected a whole number, found " + describe(value));
            return null;
        }
        return value.longValue();
    }

    /** A number (whole or decimal), or null when absent or of the wrong type (then reported). */
    Double number(String key) {
        JsonNode value = raw(key);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            problems.add(child(key), "expected a number, found " + describe(value));
            return null;
        }
        return value.doubleValue();
    }

    /** true or false, or null when absent or of the wrong type (then reported). */
    Boolean bool(String key) {
        JsonNode value = raw(key);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            problems.add(child(key), "expected true or false, found " + describe(value));
            return null;
        }
        return value.booleanValue();
    }

    /** A nested mapping, or null when absent or not a mapping (then reported). */
    YamlSection section(String key) {
        JsonNode value = raw(key);
        return value == null ? null : of(value, child(key), problems);
    }

    /** The items of a list, or null when absent or not a list (then reported). */
    List<JsonNode> list(String key) {
        JsonNode value = raw(key);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            problems.add(child(key), "expected a list, found " + describe(value));
            return null;
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /**
     * A list of non-empty strings: empty when absent, null when anything is wrong (each wrong item is reported
     * at {@code key[i]}).
     */
    List<String> strings(String key) {
        List<JsonNode> items = list(key);
        if (items == null) {
            return has(key) ? null : List.of();
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            String itemPath = child(key) + "[" + i + "]";
            String s = text(items.get(i), itemPath, false);
            if (s == null) {
                ok = false;
            } else if (s.isBlank()) {
                problems.add(itemPath, "must not be empty");
                ok = false;
            } else {
                out.add(s);
            }
        }
        return ok ? out : null;
    }

    /** Reports every key of the mapping that was never asked for. */
    void finish() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(child(name), "unknown key (expected one of: " + String.join(", ", known) + ")");
            }
        }
    }

    private String text(JsonNode value, String at, boolean secret) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            // a YAML scalar like 0123 or 1e3 is read as a number, so the operator must quote it to keep it verbatim
            String hint = value.isValueNode() ? " (put the value in quotes)" : "";
            problems.add(at, "expected a string, found " + (secret ? kind(value) : describe(value)) + hint);
            return null;
        }
        return value.textValue();
    }

    /** The kind of a node and, for a scalar, its value: for messages. */
    static String describe(JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            return kind(value) + " " + Problems.quote(value.asText());
        }
        return kind(value);
    }

    private static String kind(JsonNode value) {
        if (value.isObject()) {
            return "a mapping";
        } else if (value.isArray()) {
            return "a list";
        } else if (value.isBoolean()) {
            return "a boolean";
        } else if (value.isNumber()) {
            return "a number";
        } else if (value.isTextual()) {
            return "a string";
        } else if (value.isNull()) {
            return "nothing";
        }
        return "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
