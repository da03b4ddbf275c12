package io.silkgate.verify;

import java.util.Locale;

/** What a signer's certificate whose revocation status cannot be established leads to: rejection or a warning. */
public enum RevocationPolicy {
    /** Unknown status rejects the signature ({@code CERTIFICATE_UNTRUSTED}). */
    HARD_FAIL("hard-fail"),
    /** Unknown status is accepted, reported as {@code unknown} and logged as an alert. */
    SOFT_FAIL("soft-fail");

    private final String configValue;

    RevocationPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value written in configuration, e.g. {@code hard-fail}. */
    public String configValue() {
        return configValue;
    }

    /** The policy of a configuration value, or null when the value names none. */
    public static RevocationPolicy fromConfig(String value) {
        for (RevocationPolicy policy : values()) {
            if (policy.configValue.equals(value == null ? null : value.trim().toLowerCase(Locale.ROOT))) {
                return policy;
            }
        }
        return null;
    }
}
