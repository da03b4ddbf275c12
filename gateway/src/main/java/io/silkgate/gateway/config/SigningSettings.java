package io.silkgate.gateway.config;

import java.nio.file.Path;
import java.util.Objects;

/** The PKCS#12 key store and key the gateway signs forwarded documents and PINT responses with. */
public record SigningSettings(Path keystore, Secret password, String alias) {

    public SigningSettings {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(alias, "alias");
    }
}
