package io.silkgate.gateway.soap;

import io.silkgate.gateway.http.SubmitterGate;
import io.silkgate.schemas.ErrorCode;
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

    /** Exchange key set once a request got as far as the service: any fault before that is the request's. */
    static final String REACHED_SERVICE = "silkgate.soap.reached-service";

    ClientFaultCode() {
        super(Phase.PRE_PROTOCOL);
    }

    /** Marks requests that were read and bound completely; put in the PRE_INVOKE phase of the endpoint. */
    static final class ReachedService extends AbstractPhaseInterceptor<Message> {

        ReachedService() {
            super(Phase.PRE_INVOKE);
        }

        @Override
        public void handleMessage(Message message) {
            message.getExchange().put(REACHED_SERVICE, Boolean.TRUE);
        }
    }

    @Override
    public void handleMessage(Message message) {
        if (message.getContent(Exception.class) instanceof Fault fault) {
            if (fault.getCause() instanceof RejectionFault || fault.getCause() instanceof UnknownDocumentFault) {
                fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
            } else if (message.getExchange() != null && message.getExchange().get(REACHED_SERVICE) == null) {
                // the request could not be read or bound (bad envelope, an xop:Include that names no part of
                // the request — files and URLs are never followed): the client's fault, and it will not heal
                fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
                fault.setMessage(ErrorCode.MALFORMED.name() + ": the request cannot be read: " + fault.getMessage());
            }
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
