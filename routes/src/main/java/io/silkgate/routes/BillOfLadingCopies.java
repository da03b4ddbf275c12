package io.silkgate.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.schemas.SecureJson;
import java.util.Set;

/**
 * Writes data copies of a bill of lading (never title) in a partner's format from the DCSA transport document of an
 * accepted eBL. The gateway plugs the bill-of-lading converter in here for {@code iftmcs} and {@code fiata-efbl}.
 */
public interface BillOfLadingCopies {

    /** Only the DCSA transport document itself ({@code dcsa-td3}), written as JSON. */
    BillOfLadingCopies TRANSPORT_DOCUMENT_ONLY = new BillOfLadingCopies() {
        @Override
        public boolean canWrite(String format) {
            return "dcsa-td3".equals(format);
        }

        @Override
        public byte[] write(JsonNode transportDocument, String format) {
            if (!canWrite(format)) {
                throw new IllegalArgumentException("no bill-of-lading converter for " + format);
            }
            try {
                return SecureJson.mapper().writeValueAsBytes(transportDocument);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write the transport document: " + e.getOriginalMessage(), e);
            }
        }
    };

    /** The bill-of-lading formats a copy can be written in. */
    Set<String> COPY_FORMATS = Set.of("dcsa-td3", "iftmcs", "fiata-efbl");

    boolean canWrite(String format);

    byte[] write(JsonNode transportDocument, String format);
}
