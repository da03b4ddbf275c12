package io.silkgate.verify;

import java.time.Instant;

/**
 * The XAdES signature time-stamp (RFC 3161) of one signature, as reported by {@code silkgate verify} and the evidence.
 *
 * @param time    the token's genTime
 * @param tsa     subject DN of the time-stamping authority's certificate
 * @param trusted whether the TSA chains to the signer's anchors, so that the time proves when the signature existed
 * @param message why the time-stamp does not prove the signing time; null when trusted
 */
public record TimestampReport(Instant time, String tsa, boolean trusted, String message) {
}
