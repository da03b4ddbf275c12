package io.silkgate.schemas.bol;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The structural part of a JSON format written down as data: types, required fields, lengths, patterns, code lists
 * and number ranges. Checking a value reports every violation with its JSON pointer; unknown properties are
 * tolerated because newer specification versions add fields.
 */
abstract class JsonShape {

    /** The prefix of every structural rule id, e.g. {@code DCSA-TD-SCHEMA}. */
    static final String RULE = "DCSA-TD-SCHEMA";

    abstract void check(JsonNode value, String pointer, List<RuleViolation> out);

    static TextShape text() {
        return new TextShape();
    }

    static TextShape text(int maxLength) {
        return new TextShape().max(maxLength);
    }

    /** A string that must not start or end with white space (the DCSA {@code ^\S(?:.*\S)?$} pattern). */
    static TextShape trimmed(int maxLength) {
        return new TextShape().max(maxLength).pattern("^\\S(?:.*\\S)?$");
    }

    static TextShape codes(String... allowed) {
        return new TextShape().allowed(allowed);
    }

    static TextShape date() {
        return new TextShape().isoDate();
    }

    static NumberShape number() {
        return new NumberShape(false);
    }

    static NumberShape integer() {
        return new NumberShape(true);
    }

    static JsonShape bool() {
        return new BooleanShape();
    }

    static ArrayShape array(JsonShape items) {
        return new ArrayShape(items);
    }

    static ObjectShape object() {
        return new ObjectShape();
    }

    static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    static String describe(JsonNode n) {
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isObject()) {
            return "an object";
        }
        return "null";
    }

    /** A JSON string with optional length bounds, pattern, code list or date format. */
    static final class TextShape extends JsonShape {
        private int min = 0;
        private int max = Integer.MAX_VALUE;
        private Pattern pattern;
        private Set<String> codes;
        private boolean date;
        private boolean dateTime;

        TextShape min(int n) {
            this.min = n;
            return this;
        }

        TextShape max(int n) {
            this.max = n;
            return this;
        }

        TextShape pattern(String regex) {
            this.pattern = Pattern.compile(regex);
            return this;
        }

        TextShape allowed(String... allowed) {
            this.codes = Set.of(allowed);
            return this;
        }

        TextShape isoDate() {
            this.date = true;
            return this;
        }

        TextShape dateTime() {
            this.dateTime = true;
            return this;
        }

        @Override
        void check(JsonNode value, String pointer, List<RuleViolation> out) {
            if (!value.isTextual()) {
                out.add(RuleViolation.schema(RULE + "-TYPE", pointer, "must be a string, not " + describe(value)));
                return;
            }
            String s = value.textValue();
            int length = s.codePointCount(0, s.length());
            if (length > max) {
                out.add(RuleViolation.schema(RULE + "-MAX-LENGTH", pointer, "is " + length
                        + " characters long; at most " + max + " are allowed"));
            }
            if (length < min) {
                out.add(RuleViolation.schema(RULE + "-MIN-LENGTH", pointer, "is " + length
                        + " characters long; at least " + min + " are required"));
            }
            if (pattern != null && !pattern.matcher(s).matches()) {
                out.add(RuleViolation.schema(RULE + "-PATTERN", pointer, "'" + shortened(s)
                        + "' does not match " + pattern.pattern()));
            }
            if (codes != null && !codes.contains(s)) {
                out.add(RuleViolation.schema(RULE + "-CODE", pointer, "'" + shortened(s) + "' is not one of "
                        + new java.util.TreeSet<>(codes)));
            }
            if (date) {
                try {
                    LocalDate.parse(s);
                } catch (DateTimeParseException e) {
                    out.add(RuleViolation.schema(RULE + "-DATE", pointer, "'" + shortened(s)
                            + "' is not a date (YYYY-MM-DD)"));
                }
            }
            if (dateTime) {
                try {
                    OffsetDateTime.parse(s);
                } catch (DateTimeParseException e) {
                    out.add(RuleViolation.schema(RULE + "-DATE", pointer, "'" + shortened(s)
                            + "' is not an RFC 3339 date-time"));
                }
            }
        }

        private static String shortened(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }

    /** A JSON number (or integer) with optional bounds. */
    static final class NumberShape extends JsonShape {
        private final boolean integral;
        private BigDecimal min;
        private boolean exclusiveMin;
        private BigDecimal max;

        NumberShape(boolean integral) {
            this.integral = integral;
        }

        NumberShape min(long n) {
            this.min = BigDecimal.valueOf(n);
            return this;
        }

        NumberShape positive() {
            this.min = BigDecimal.ZERO;
            this.exclusiveMin = true;
            return this;
        }

        NumberShape max(long n) {
            this.max = BigDecimal.valueOf(n);
            return this;
        }

        @Override
        void check(JsonNode value, String pointer, List<RuleViolation> out) {
            if (!value.isNumber() || (integral && !isIntegral(value))) {
                out.add(RuleViolation.schema(RULE + "-TYPE", pointer, "must be " + (integral ? "an integer" : "a number")
                        + ", not " + describe(value)));
                return;
            }
            BigDecimal v = value.decimalValue();
            if (min != null && (exclusiveMin ? v.compareTo(min) <= 0 : v.compareTo(min) < 0)) {
                out.add(RuleViolation.schema(RULE + "-RANGE", pointer, v.toPlainString() + " must be "
                        + (exclusiveMin ? "greater than " : "at least ") + min.toPlainString()));
            }
            if (max != null && v.compareTo(max) > 0) {
                out.add(RuleViolation.schema(RULE + "-RANGE", pointer, v.toPlainString() + " must be at most "
                        + max.toPlainString()));
            }
        }

        private static boolean isIntegral(JsonNode n) {
            if (n.isIntegralNumber()) {
                return true;
            }
            BigDecimal d = n.decimalValue();
            return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
        }
    }

    /** A JSON boolean. */
    static final class BooleanShape extends JsonShape {
        @Override
        void check(JsonNode value, String pointer, List<RuleViolation> out) {
            if (!value.isBoolean()) {
                out.add(RuleViolation.schema(RULE + "-TYPE", pointer, "must be true or false, not " + describe(value)));
            }
        }
    }

    /** A JSON array with item bounds. */
    static final class ArrayShape extends JsonShape {
        private final JsonShape items;
        private int minItems = 0;
        private int maxItems = Integer.MAX_VALUE;

        ArrayShape(JsonShape items) {
            this.items = items;
        }

        ArrayShape minItems(int n) {
            this.minItems = n;
            return this;
        }

        ArrayShape maxItems(int n) {
            this.maxItems = n;
            return this;
        }

        @Override
        void check(JsonNode value, String pointer, List<RuleViolation> out) {
            if (!value.isArray()) {
                out.add(RuleViolation.schema(RULE + "-TYPE", pointer, "must be an array, not " + describe(value)));
                return;
            }
            if (value.size() < minItems) {
                out.add(RuleViolation.schema(RULE + "-ITEMS", pointer, "has " + value.size() + " items; at least "
                        + minItems + " required"));
            }
            if (value.size() > maxItems) {
                out.add(RuleViolation.schema(RULE + "-ITEMS", pointer, "has " + value.size() + " items; at most "
                        + maxItems + " allowed"));
            }
            for (int i = 0; i < value.size(); i++) {
                items.check(value.get(i), pointer + "/" + i, out);
            }
        }
    }

    /** A JSON object: named fields (required or optional) and "exactly one of" / "at least one of" groups. */
    static final class ObjectShape extends JsonShape {
        private final Map<String, JsonShape> fields = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();
        private final List<List<String>> exactlyOne = new ArrayList<>();
        private final List<List<String>> atLeastOne = new ArrayList<>();

        ObjectShape req(String name, JsonShape shape) {
            fields.put(name, shape);
            required.add(name);
            return this;
        }

        ObjectShape opt(String name, JsonShape shape) {
            fields.put(name, shape);
            return this;
        }

        ObjectShape exactlyOneOf(String... names) {
            exactlyOne.add(List.of(names));
            return this;
        }

        ObjectShape atLeastOneOf(String... names) {
            atLeastOne.add(List.of(names));
            return this;
        }

        @Override
        void check(JsonNode value, String pointer, List<RuleViolation> out) {
            if (!value.isObject()) {
                out.add(RuleViolation.schema(RULE + "-TYPE", pointer, "must be an object, not " + describe(value)));
                return;
            }
            for (String name : required) {
                if (!value.has(name)) {
                    out.add(RuleViolation.schema(RULE + "-REQUIRED", child(pointer, name), "'" + name
                            + "' is required"));
                }
            }
            for (List<String> group : exactlyOne) {
                long present = group.stream().filter(value::has).count();
                if (present != 1) {
                    out.add(RuleViolation.schema(RULE + "-ONE-OF", pointer.isEmpty() ? "/" : pointer,
                            "exactly one of " + group + " must be given, found " + present));
                }
            }
            for (List<String> group : atLeastOne) {
                if (group.stream().noneMatch(value::has)) {
                    out.add(RuleViolation.schema(RULE + "-ANY-OF", pointer.isEmpty() ? "/" : pointer,
                            "at least one of " + group + " must be given"));
                }
            }
            for (Map.Entry<String, JsonShape> f : fields.entrySet()) {
                JsonNode v = value.get(f.getKey());
                if (v != null) {
                    f.getValue().check(v, child(pointer, f.getKey()), out);
                }
            }
        }
    }
}
