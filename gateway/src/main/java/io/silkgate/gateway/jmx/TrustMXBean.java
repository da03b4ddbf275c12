package io.silkgate.gateway.jmx;

import java.util.List;

/** JMX view of the trust store, {@code io.silkgate:type=Trust} (CONTRACT.md §8). */
public interface TrustMXBean {

    /** Trust anchors, intermediates and the gateway's own signing certificate that expire within 30 days. */
    List<String> getExpiringCertificates();

    /** The countries that have trust anchors. */
    List<String> getCountries();

    /** Reads the anchor and CRL files again. */
    void reload();
}
