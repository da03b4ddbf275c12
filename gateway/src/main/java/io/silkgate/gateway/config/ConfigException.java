package io.silkgate.gateway.config;

import java.util.List;

/** A configuration that cannot be used; the message lists every problem found, one per line. */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    /** One exception for all problems of a file, each already prefixed with the file name and key path. */
    public ConfigException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    /** A single problem, e.g. a file that cannot be read. */
    public ConfigException(String error) {
        this(List.of(error));
    }

    /** The problems, one entry each, in the order they were found. */
    public List<String> errors() {
        return errors;
    }
}
