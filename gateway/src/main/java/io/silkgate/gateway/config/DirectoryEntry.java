package io.silkgate.gateway.config;

import java.util.Objects;

/**
 * One entry of the electronic address directory: the Peppol participant id (BT-34 / BT-49) of a party whose own
 * invoices do not carry one.
 *
 * @param party   the party, written {@code scheme:identifier} or {@code name:<legal name>}
 * @param address the electronic address, written {@code <EAS>:<identifier>}
 */
public record DirectoryEntry(String party, String address) {

    public DirectoryEntry {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(address, "address");
    }
}
