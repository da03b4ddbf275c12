package io.silkgate.routes;

/**
 * What one delivery attempt hands to a partner transport: the translated body, its format, the gateway's
 * detached JWS over exactly these bytes, and the business terms the conversion dropped. The document id is the
 * same on every attempt.
 */
public record OutboundDocument(String documentId, String sourceFormat, String targetFormat, String mediaType,
        byte[] body, String signature, java.util.List<String> droppedTerms) {

    public OutboundDocument {
        droppedTerms = droppedTerms == null ? java.util.List.of() : java.util.List.copyOf(droppedTerms);
    }

    /** A document that lost nothing on its way (the same format, or no conversion). */
    public OutboundDocument(String documentId, String sourceFormat, String targetFormat, String mediaType, byte[] body,
            String signature) {
        this(documentId, sourceFormat, targetFormat, mediaType, body, signature, java.util.List.of());
    }
}
