package io.silkgate.schemas.en16931;

import java.util.Arrays;
import java.util.Objects;

/** BT-125 Attached document: the embedded bytes with mime code (BT-125-1) and file name (BT-125-2). */
public record BinaryObject(
        byte[] content,    // BT-125 Attached document
        String mimeCode,   // BT-125-1 Attached document Mime code
        String filename) { // BT-125-2 Attached document Filename

    public BinaryObject {
        content = Objects.requireNonNull(content, "attachment content").clone();
    }

    /** A copy of the bytes: the record stays immutable. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The number of bytes, without copying them. */
    public int size() {
        return content.length;
    }

    // Records compare arrays by identity; two attachments with the same bytes are the same attachment.
    @Override
    public boolean equals(Object other) {
        return other instanceof BinaryObject that && Arrays.equals(content, that.content)
                && Objects.equals(mimeCode, that.mimeCode) && Objects.equals(filename, that.filename);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(content) + Objects.hashCode(mimeCode)) + Objects.hashCode(filename);
    }

    @Override
    public String toString() {
        return "BinaryObject[" + content.length + " bytes, mimeCode=" + mimeCode + ", filename=" + filename + "]";
    }
}
