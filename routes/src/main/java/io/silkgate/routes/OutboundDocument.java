package io.silkgate.routes;

/**
 * What one delivery attempt hands to a partner transport: the translated body, its format, and the gateway's
 * detached JWS over exactly these bytes. The document id is the same on every attempt.
 */
public record OutboundDocument(String documentId, String sourceFormat, String targetFormat, String mediaType,
        byte[] body, String signature) {
}
