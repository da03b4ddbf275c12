package io.silkgate.gateway.soap;

import io.silkgate.schemas.ErrorCode;
import java.util.List;
import java.util.Map;
import org.apache.cxf.attachment.AttachmentDeserializer;
import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.staxutils.StaxUtils;

/**
 * Refuses a SOAP request whose declared length cannot hold a document within the limit, before any of it is
 * read or cached, with the same {@code PAYLOAD_TOO_LARGE} rejection the endpoint gives after reading. Requests
 * without a length (chunked) are bounded by the attachment and text limits of {@link #limits}.
 */
final class RequestSizeLimit extends AbstractPhaseInterceptor<Message> {

    /** Room for the envelope, MIME headers and the other request elements around the document. */
    private static final long ENVELOPE_ALLOWANCE = 64 * 1024;

    private final long maxDocumentBytes;
    private final long maxRequestBytes;

    RequestSizeLimit(long maxDocumentBytes) {
        super(Phase.RECEIVE);
        addBefore(AttachmentInInterceptor.class.getName());
        this.maxDocumentBytes = maxDocumentBytes;
        // a sender without MTOM inlines the document as base64, 4 characters for every 3 bytes
        this.maxRequestBytes = base64Length(maxDocumentBytes) + ENVELOPE_ALLOWANCE;
    }

    /** The largest request that can carry a document of {@code maxDocumentBytes}, base64 inlined. */
    static long maxRequestBytes(long maxDocumentBytes) {
        return base64Length(maxDocumentBytes) + ENVELOPE_ALLOWANCE;
    }

    /** Endpoint properties that bound what CXF itself buffers of a request that declares no length. */
    static Map<String, Object> limits(long maxDocumentBytes) {
        return Map.of(
                AttachmentDeserializer.ATTACHMENT_MAX_SIZE, maxDocumentBytes + 1,
                StaxUtils.MAX_TEXT_LENGTH, (int) Math.min(Integer.MAX_VALUE, base64Length(maxDocumentBytes) + 4));
    }

    @Override
    public void handleMessage(Message message) {
        long declared = declaredLength(message);
        if (declared > maxRequestBytes) {
            throw new Fault(Rejections.of(ErrorCode.PAYLOAD_TOO_LARGE,
                    "documents are limited to " + maxDocumentBytes + " bytes"));
        }
    }

    private static long declaredLength(Message message) {
        Object headers = message.get(Message.PROTOCOL_HEADERS);
        if (!(headers instanceof Map<?, ?> map)) {
            return -1;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getKey() instanceof String name && name.equalsIgnoreCase("Content-Length")
                    && e.getValue() instanceof List<?> values && !values.isEmpty()) {
                try {
                    return Long.parseLong(String.valueOf(values.get(0)).trim());
                } catch (NumberFormatException ignored) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Characters of the document inlined as base64, line breaks (at most every 76 characters) included. */
    private static long base64Length(long bytes) {
        long chars = (bytes + 2) / 3 * 4;
        return chars + chars / 76 * 2;
    }
}
