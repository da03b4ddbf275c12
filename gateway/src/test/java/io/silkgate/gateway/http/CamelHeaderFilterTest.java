package io.silkgate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;

class CamelHeaderFilterTest {

    @Test
    void camelControlHeadersAreDroppedInAnyCaseAndOthersKept() {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("CamelHttpUri", List.of("http://evil.example/"));
        headers.put("camelFileName", List.of("../../etc/passwd"));
        headers.put("CAMEL-Redelivered", List.of("true"));
        headers.put("Authorization", List.of("Bearer k"));
        headers.put("Silkgate-Document-Id", List.of("d-1"));
        headers.put("X-Camelot", List.of("kept"));
        Message message = new MessageImpl();
        message.put(Message.PROTOCOL_HEADERS, headers);

        new CamelHeaderFilter().handleMessage(message);

        assertEquals(Set.of("Authorization", "Silkgate-Document-Id", "X-Camelot"), headers.keySet());
    }
}
