package io.silkgate.pint;

/** An additional document the envelope manifest declares (supporting document or the carrier's visualisation). */
public record DeclaredDocument(String checksum, long size, String name, String mediaType) {
}
