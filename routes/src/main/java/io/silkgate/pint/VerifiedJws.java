package io.silkgate.pint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compact JWS whose signature verified against a trusted key, with its payload as parsed from the JWS itself.
 *
 * @param signedContent the compact serialisation exactly as received
 * @param algorithm     the header's {@code alg}
 * @param signer        the trusted key that verified it
 * @param payload       the payload JSON object
 */
public record VerifiedJws(String signedContent, String algorithm, TrustedKey signer, JsonNode payload) {
}
