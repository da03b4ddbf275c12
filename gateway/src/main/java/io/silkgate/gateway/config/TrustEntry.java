package io.silkgate.gateway.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The trust anchors for signatures from one country.
 *
 * @param country ISO 3166 alpha-2 code, upper case
 * @param anchors a PEM file or a directory of certificates
 * @param crl     a CRL file, or null
 * @param ocsp    whether to ask the OCSP responders named in certificates
 */
public record TrustEntry(String country, Path anchors, Path crl, boolean ocsp) {

    public TrustEntry {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(anchors, "anchors");
    }
}
