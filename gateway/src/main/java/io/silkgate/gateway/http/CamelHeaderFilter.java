package io.silkgate.gateway.http;

import java.util.Map;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Drops every inbound HTTP header whose name starts with {@code Camel} (any case) before any API code sees the
 * request. No transport header is handed to Camel today; this keeps a future change from letting a caller steer
 * routes with {@code CamelHttpUri}-style control headers.
 */
public final class CamelHeaderFilter extends AbstractPhaseInterceptor<Message> {

    public CamelHeaderFilter() {
        super(Phase.RECEIVE);
    }

    @Override
    public void handleMessage(Message message) {
        if (message.get(Message.PROTOCOL_HEADERS) instanceof Map<?, ?> headers) {
            headers.keySet().removeIf(name -> name instanceof String s && s.regionMatches(true, 0, "camel", 0, 5));
        }
    }
}
