package io.silkgate.gateway.soap;

import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.soap.DocumentStatusCode;
import io.silkgate.schemas.soap.Rejection;
import io.silkgate.schemas.soap.RejectionError;
import io.silkgate.schemas.soap.RejectionFault;
import java.util.List;

/** Builds the {@code Rejection} fault of the DocumentExchange contract, the SOAP twin of an RFC 9457 problem. */
final class Rejections {

    private Rejections() {
    }

    static RejectionFault of(ErrorCode code, String detail) {
        return of(code, detail, List.of(Problem.of(code, detail)), null);
    }

    /** @param documentId the id the rejected document was recorded under, or null when it was not recorded */
    static RejectionFault of(ErrorCode code, String detail, List<Problem> errors, String documentId) {
        Rejection r = new Rejection();
        r.setCode(code.name());
        r.setDetail(detail);
        if (documentId != null) {
            r.setId(documentId);
            r.setStatus(DocumentStatusCode.REJECTED);
        }
        for (Problem p : errors) {
            RejectionError e = new RejectionError();
            e.setCode(p.code());
            e.setMessage(p.message());
            e.setLocation(p.location());
            r.getError().add(e);
        }
        return new RejectionFault(code.name() + ": " + detail, r);
    }
}
