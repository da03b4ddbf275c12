package io.silkgate.verify;

import java.util.Objects;

/**
 * The outcome of verifying an enveloping CMS signature (.p7m) and the content it encapsulates.
 *
 * @param content the encapsulated content bytes, null when there is none; trust them only when
 *                {@code result().ok()}
 */
public record CmsVerification(VerificationResult result, byte[] content) {

    public CmsVerification {
        Objects.requireNonNull(result, "result");
        content = content == null ? null : content.clone();
    }

    /** A copy of the content, so that callers cannot change what was verified. */
    @Override
    public byte[] content() {
        return content == null ? null : content.clone();
    }
}
