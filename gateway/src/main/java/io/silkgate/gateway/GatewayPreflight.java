package io.silkgate.gateway;

import io.silkgate.gateway.config.ConfigException;
import io.silkgate.gateway.config.EndpointType;
import io.silkgate.gateway.config.SilkgateConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses, at start-up and naming the key, configuration this build cannot honour yet: a gateway that silently
 * ignored OCSP or a partner endpoint type would look safe while it is not.
 */
final class GatewayPreflight {

    private GatewayPreflight() {
    }

    static void check(SilkgateConfig config) {
        List<String> errors = new ArrayList<>();
        if (config.pint() != null) {
            errors.add("pint: the DCSA PINT receiver is not supported by this build yet");
        }
        for (int i = 0; i < config.trust().size(); i++) {
            if (config.trust().get(i).ocsp()) {
                errors.add("trust[" + i + "].ocsp: OCSP is not supported by this build yet; use crl");
            }
        }
        for (int i = 0; i < config.partners().size(); i++) {
            EndpointType type = config.partners().get(i).endpoint().type();
            if (type == EndpointType.PINT) {
                errors.add("partners[" + i + "].endpoint.type: " + type.name().toLowerCase(java.util.Locale.ROOT)
                        + " delivery is not supported by this build yet; use rest, soap or jms");
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(String.join("\n", errors));
        }
    }
}
