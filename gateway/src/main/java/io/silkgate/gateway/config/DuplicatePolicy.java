package io.silkgate.gateway.config;

import java.util.Locale;

/** What a partner wants when a document it already received comes again; YAML {@code reject | accept-and-flag}. */
public enum DuplicatePolicy {
    /** Answer the submitter with the first id and deliver nothing. */
    REJECT,
    /** Record the repeat as a flagged duplicate, still without a second delivery. */
    ACCEPT_AND_FLAG;

    /** The spelling used in the configuration file. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
