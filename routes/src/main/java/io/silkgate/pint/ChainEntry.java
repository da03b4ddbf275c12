package io.silkgate.pint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One verified entry of an envelope transfer chain.
 *
 * @param signedContent   the compact JWS exactly as received
 * @param checksum        SHA-256 of {@code signedContent}
 * @param payloadChecksum SHA-256 of the JWS payload bytes: equal for an entry that was only re-signed
 * @param payload         the entry ({@code eblPlatform}, {@code transactions}, …)
 * @param signer          who signed it
 */
public record ChainEntry(String signedContent, String checksum, String payloadChecksum, JsonNode payload,
        String signer) {

    public String platform() {
        return payload.path("eblPlatform").asText();
    }
}
