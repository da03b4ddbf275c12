package io.silkgate.gateway.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one configuration file, so that the operator sees them all in one go. */
final class Problems {

    private static final int MAX_QUOTED = 80;

    private final String fileName;
    private final List<String> messages = new ArrayList<>();

    Problems(String fileName) {
        this.fileName = fileName;
    }

    /** Records a problem at a key path such as {@code partners[2].endpoint.url}; an empty path means the whole file. */
    void add(String path, String message) {
        messages.add(path.isEmpty() ? fileName + ": " + message : fileName + ": " + path + ": " + message);
    }

    int count() {
        return messages.size();
    }

    void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new ConfigException(messages);
        }
    }

    /** A value for a message: in double quotes, control characters escaped, long values shortened. */
    static String quote(String value) {
        StringBuilder b = new StringBuilder("\"");
        int limit = Math.min(value.length(), MAX_QUOTED);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (value.length() > limit) {
            b.append("...");
        }
        return b.append('"').toString();
    }
}
