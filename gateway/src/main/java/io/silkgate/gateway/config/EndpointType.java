package io.silkgate.gateway.config;

import java.util.Locale;

/** How a partner receives documents; written in lower case in {@code silkgate.yaml}. */
public enum EndpointType {
    /** HTTP POST of the translated document. */
    REST,
    /** The {@code DocumentExchange} SOAP service contract. */
    SOAP,
    /** A queue on a remote broker. */
    JMS,
    /** A DCSA PINT 3.0 receiver. */
    PINT;

    /** The spelling used in the configuration file. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
