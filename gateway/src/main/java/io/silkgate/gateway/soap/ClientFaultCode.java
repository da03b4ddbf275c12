package io.silkgate.gateway.soap;

import io.silkgate.schemas.soap.RejectionFault;
import io.silkgate.schemas.soap.UnknownDocumentFault;
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
    }
}
