package io.silkgate.schemas.en16931;

import java.util.Objects;

/**
 * An EN 16931 identifier: the value with its optional scheme identifier (the "-1" sub-term, e.g. BT-29-1, an
 * ISO 6523 ICD or EAS code) and, only for BT-158, the scheme version (BT-158-2).
 */
public record Identifier(String value, String schemeId, String schemeVersionId) {

    public Identifier {
        Objects.requireNonNull(value, "identifier value");
    }

    /** An identifier without scheme. */
    public static Identifier of(String value) {
        return new Identifier(value, null, null);
    }

    /** An identifier with a scheme identifier and no scheme version. */
    public static Identifier of(String value, String schemeId) {
        return new Identifier(value, schemeId, null);
    }
}
