package io.silkgate.gateway.config;

import java.util.List;
import java.util.Objects;

/** A signing certificate subject (X.500 DN) and the parties documents signed with it may be issued by. */
public record SignerRule(String subject, List<String> parties) {

    public SignerRule {
        Objects.requireNonNull(subject, "subject");
        parties = List.copyOf(parties);
    }
}
