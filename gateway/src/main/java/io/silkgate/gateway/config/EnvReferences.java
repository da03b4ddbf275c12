package io.silkgate.gateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in a secret by the environment variable NAME, so that passwords and API keys need not
 * be written into files; <code>$${</code> stands for a literal <code>${</code>.
 */
final class EnvReferences {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The outcome: the expanded value, or the problems (which never contain the value or variable contents). */
    record Result(String value, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private EnvReferences() {
    }

    static Result expand(String raw, Map<String, String> env) {
        StringBuilder out = new StringBuilder(raw.length());
        List<String> problems = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            if (raw.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (raw.startsWith("${", i)) {
                int end = raw.indexOf('}', i + 2);
                String name = end < 0 ? "" : raw.substring(i + 2, end);
                if (end < 0 || !NAME.matcher(name).matches()) {
                    problems.add("malformed environment reference; write ${NAME} (or $${ for a literal ${)");
                    return new Result(null, problems);
                }
                String value = env.get(name);
                if (value == null) {
                    problems.add("environment variable " + name + " is not set");
                } else {
                    out.append(value);
                }
                i = end + 1;
            } else {
                out.append(raw.charAt(i));
                i++;
            }
        }
        return new Result(problems.isEmpty() ? out.toString() : null, problems);
    }
}
