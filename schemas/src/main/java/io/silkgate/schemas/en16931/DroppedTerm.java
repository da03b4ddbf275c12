package io.silkgate.schemas.en16931;

/** A term of the source invoice that the target format could not hold (or had to replace), with the reason. */
public record DroppedTerm(String term, String reason) {
}
