package io.silkgate.schemas.en16931;

/** The converted document (UTF-8 XML of the target format) and the report of what it carried and dropped. */
public record ConversionResult(byte[] document, ConversionReport report) {
}
