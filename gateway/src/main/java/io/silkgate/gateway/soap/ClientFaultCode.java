package io.silkgate.gateway.soap;

import io.silkgate.gateway.http.SubmitterGate;
import io.silkgate.schemas.soap.RejectionFault;
import io.silkgate.schemas.soap.UnknownDocumentFault;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.cxf.helpers.CastUtils;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Marks contract faults (a rejected document, an unknown id) as {@code soap:Client}: the request was at fault and
 * repeating it unchanged will not help. CXF would otherwise answer every application fault as {@code soap:Server},
 * which clients read as "try again later"; internal failures keep that code.
 */
final class ClientFaultCode extends AbstractPhaseInterceptor<Message> {

    ClientFaultCode() {
        super(Phase.PRE_PROTOCOL);
    }

    @Override
    public void handleMessage(Message message) {
        if (message.getContent(Exception.class) instanceof Fault fault
                && (fault.getCause() instanceof RejectionFault || fault.getCause() instanceof UnknownDocumentFault)) {
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
        }
        Object retryAfter = message.getExchange() == null ? null
                : message.getExchange().get(SubmitterGate.RETRY_AFTER);
        if (retryAfter != null) {
            // the rate limit's answer: a client that reads HTTP headers learns when to come back
            Map<String, List<String>> headers = CastUtils.cast((Map<?, ?>) message.get(Message.PROTOCOL_HEADERS));
            if (headers == null) {
                headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                message.put(Message.PROTOCOL_HEADERS, headers);
            }
            headers.put("Retry-After", List.of(String.valueOf(retryAfter)));
        }
    }
}
