package io.silkgate.gateway;

import io.silkgate.gateway.config.ConfigException;
import io.silkgate.gateway.config.SilkgateConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses, at start-up and naming the key, configuration this build cannot honour yet: a gateway that silently
 * ignored TLS or a partner endpoint type would look safe while it is not.
 */
final class GatewayPreflight {

    private GatewayPreflight() {
    }

    static void check(SilkgateConfig config) {
        List<String> errors = new ArrayList<>();
        if (config.gateway().tls() != null) {
            errors.add("gateway.tls: TLS termination is not supported by this build yet; put a TLS proxy in front");
        }
        for (int i = 0; i < config.submitters().size(); i++) {
            var s = config.submitters().get(i);
            if (s.apiKey() == null) {
                errors.add("submitters[" + i + "].api-key-file: required (client certificates are not supported "
                        + "by this build yet)");
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(String.join("\n", errors));
        }
    }
}
