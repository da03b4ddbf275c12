package io.silkgate.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * What the gateway keeps as proof of a signature verdict on one document.
 *
 * @param report          the verification report as JSON ({@code ok}, {@code signatures}, {@code errors})
 * @param certificatePath the signers' certificate paths as PEM, signer first; null when no certificate was found
 */
public record Evidence(String documentId, String report, String certificatePath, Instant recordedAt) {

    public Evidence {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(report, "report");
    }
}
