package io.silkgate.gateway.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The DCSA PINT receiver ({@code /pint/v3}).
 *
 * @param platform  the eBL platform code this gateway answers for
 * @param trust     PEM file or directory with the certificates of carriers and sending platforms
 * @param parties   the recipients this gateway accepts envelopes for
 * @param forwardTo partner ids that receive accepted eBLs
 * @param forwardRecipient the party the gateway transfers an eBL to when it sends the envelope on (needed when a
 *                  {@code forward-to} partner receives the envelope itself); null otherwise
 */
public record PintSettings(String platform, Path trust, List<PintParty> parties, List<String> forwardTo,
                           PintRecipient forwardRecipient) {

    public PintSettings {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(trust, "trust");
        parties = List.copyOf(parties);
        forwardTo = List.copyOf(forwardTo);
    }
}
