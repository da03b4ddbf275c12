package io.silkgate.gateway.soap;

import io.silkgate.gateway.http.DocumentMediaTypes;
import io.silkgate.gateway.http.SubmitterGate;
import io.silkgate.gateway.jmx.IntakeStatistics;
import io.silkgate.ledger.DeliveryRecord;
import io.silkgate.ledger.DocumentHistory;
import io.silkgate.ledger.DocumentRecord;
import io.silkgate.ledger.Ledger;
import io.silkgate.ledger.LedgerEvent;
import io.silkgate.routes.IntakeOutcome;
import io.silkgate.routes.Submission;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.soap.DeliveryStatusCode;
import io.silkgate.schemas.soap.DocumentExchangePortType;
import io.silkgate.schemas.soap.DocumentStatusCode;
import io.silkgate.schemas.soap.GetDocumentStatus;
import io.silkgate.schemas.soap.GetDocumentStatusResponse;
import io.silkgate.schemas.soap.PartnerDeliveryStatus;
import io.silkgate.schemas.soap.RejectionFault;
import io.silkgate.schemas.soap.StatusEvent;
import io.silkgate.schemas.soap.SubmitDocument;
import io.silkgate.schemas.soap.SubmitDocumentResponse;
import io.silkgate.schemas.soap.UnknownDocument;
import io.silkgate.schemas.soap.UnknownDocumentFault;
import jakarta.activation.DataHandler;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.io.CacheSizeExceededException;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SOAP intake of CONTRACT.md §5: the {@code DocumentExchange} service, built from the same pieces as the
 * REST document API and giving the same answers. A rejection is a {@code Rejection} fault with the REST error
 * code; the API key comes in the HTTP header {@code Authorization: Bearer <key>} of the SOAP request.
 */
@WebService(serviceName = "DocumentExchange", portName = "DocumentExchangePort",
        targetNamespace = "urn:silkgate:document-exchange:1",
        endpointInterface = "io.silkgate.schemas.soap.DocumentExchangePortType",
        wsdlLocation = "classpath:wsdl/DocumentExchange.wsdl")
public class DocumentExchangeEndpoint implements DocumentExchangePortType {

    /** Where the service is published, relative to the HTTP API's root. */
    public static final String PATH = "/soap/DocumentExchange";

    private static final Logger LOG = LoggerFactory.getLogger(DocumentExchangeEndpoint.class);
    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final Function<Submission, IntakeOutcome> intake;
    private final Ledger ledger;
    private final long maxDocumentBytes;
    private final IntakeStatistics statistics;
    // the JDK's factory keeps no state between calls; looking it up per request would cost a service scan
    private final DatatypeFactory datatypes;

    /** Who submits is told by the {@link SubmitterGate} in front of every endpoint of the bus. */
    public DocumentExchangeEndpoint(Function<Submission, IntakeOutcome> intake, Ledger ledger, long maxDocumentBytes,
            IntakeStatistics statistics) {
        this.intake = intake;
        this.statistics = statistics;
        this.ledger = ledger;
        this.maxDocumentBytes = maxDocumentBytes;
        try {
            this.datatypes = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("no XML datatype factory", e);
        }
    }

    /** Publishes this service at {@code baseAddress + PATH} on the given bus, with the size limits applied. */
    public Server publish(Bus bus, String baseAddress) {
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(bus);
        factory.setServiceBean(this);
        factory.setAddress(stripSlash(baseAddress) + PATH);
        // MTOM requests are understood without enabling it; enabled, CXF would answer plain SOAP clients in
        // multipart/related although no response carries binary content
        factory.setProperties(new HashMap<>(RequestSizeLimit.limits(maxDocumentBytes)));
        factory.getInInterceptors().add(new RequestSizeLimit(maxDocumentBytes));
        factory.getOutFaultInterceptors().add(new ClientFaultCode());
        factory.getInInterceptors().add(new ClientFaultCode.ReachedService());
        return factory.create();
    }

    /** The fault of this contract for a request refused before the service (authentication, rate limit). */
    public static Exception rejection(ErrorCode code, String detail) {
        return Rejections.of(code, detail);
    }

    /** The largest SOAP request that can carry a document within the limit (base64 inlined, envelope around). */
    public static long maxRequestBytes(long maxDocumentBytes) {
        return RequestSizeLimit.maxRequestBytes(maxDocumentBytes);
    }

    /** A rejection before the pipeline: counted like the HTTP API's. */
    private RejectionFault doorRejection(ErrorCode code, String detail) {
        statistics.rejectedAtTheDoor(code.name());
        return Rejections.of(code, detail);
    }

    @Override
    public SubmitDocumentResponse submitDocument(SubmitDocument request) throws RejectionFault {
        Optional<String> submitter = SubmitterGate.current();
        if (submitter.isEmpty()) {
            throw doorRejection(ErrorCode.UNAUTHENTICATED,
                    "present a client certificate or a submitter API key as HTTP header 'Authorization: Bearer <key>'");
        }
        if (request == null || request.getDocument() == null) {
            throw doorRejection(ErrorCode.MALFORMED, "the request carries no document");
        }
        String mediaType = DocumentMediaTypes.baseType(request.getMediaType());
        if (!DocumentMediaTypes.isDocument(mediaType)) {
            throw doorRejection(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "media type '" + request.getMediaType()
                    + "' is not accepted; send application/xml or application/json");
        }
        byte[] bytes = read(request.getDocument());
        if (bytes.length > maxDocumentBytes) {
            throw tooLarge();
        }
        if (bytes.length == 0) {
            throw doorRejection(ErrorCode.MALFORMED, "the document is empty");
        }
        String idempotencyKey = request.getIdempotencyKey();
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw doorRejection(ErrorCode.MALFORMED, "idempotencyKey must be 1 to 200 characters");
        }
        List<String> destinations = request.getDestination().stream()
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        IntakeOutcome outcome;
        try {
            outcome = intake.apply(new Submission(bytes, mediaType, submitter.get(), idempotencyKey, destinations));
        } catch (RuntimeException e) {
            LOG.error("intake failed on an internal error; the document was not accepted", e);
            throw new WebServiceException(
                    "the gateway failed internally; the document was not accepted, submit it again later");
        }
        if (!outcome.accepted()) {
            throw Rejections.of(outcome.code(), outcome.detail(), outcome.errors(), outcome.id());
        }
        SubmitDocumentResponse response = new SubmitDocumentResponse();
        response.setId(outcome.id());
        response.setStatus(DocumentStatusCode.ACCEPTED);
        response.setFormat(outcome.format());
        response.setSha256(outcome.sha256());
        response.getDestination().addAll(outcome.destinations());
        response.setDuplicate(outcome.duplicate());
        if (outcome.duplicate()) {
            ledger.findDocument(outcome.id())
                    .ifPresent(d -> response.setStatus(DocumentStatusCode.valueOf(d.status().name())));
        }
        return response;
    }

    @Override
    public GetDocumentStatusResponse getDocumentStatus(GetDocumentStatus request) throws UnknownDocumentFault {
        String id = request == null || request.getId() == null ? "" : request.getId().trim();
        Optional<String> caller = SubmitterGate.current();
        // another submitter's document is answered like an unknown one, so that ids cannot be probed
        Optional<DocumentHistory> found = (id.isEmpty() || id.length() > MAX_IDEMPOTENCY_KEY) ? Optional.empty()
                : ledger.history(id).filter(h -> caller.map(c -> c.equals(h.document().submitter())).orElse(false));
        if (found.isEmpty()) {
            UnknownDocument unknown = new UnknownDocument();
            unknown.setId(id);
            unknown.setDetail("no document with id " + id);
            throw new UnknownDocumentFault(unknown.getDetail(), unknown);
        }
        DocumentRecord d = found.get().document();
        GetDocumentStatusResponse r = new GetDocumentStatusResponse();
        r.setId(d.id());
        r.setStatus(DocumentStatusCode.valueOf(d.status().name()));
        r.setFormat(d.format());
        r.setSha256(d.sha256());
        r.setReceivedAt(dateTime(d.receivedAt()));
        r.setBusinessId(d.businessId());
        r.setCode(d.rejectionCode());
        for (LedgerEvent e : found.get().events()) {
            StatusEvent ev = new StatusEvent();
            ev.setAt(dateTime(e.at()));
            ev.setStatus(e.status());
            ev.setDetail(e.partner() == null ? e.detail() : e.partner() + ": " + e.detail());
            r.getEvent().add(ev);
        }
        for (DeliveryRecord x : found.get().deliveries()) {
            PartnerDeliveryStatus dv = new PartnerDeliveryStatus();
            dv.setPartner(x.partner());
            dv.setFormat(x.format());
            dv.setStatus(DeliveryStatusCode.valueOf(x.status().name()));
            dv.setAttempts(x.attempts());
            dv.setLastError(x.lastError());
            r.getDelivery().add(dv);
        }
        return r;
    }

    private byte[] read(DataHandler document) throws RejectionFault {
        try (InputStream in = document.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxDocumentBytes + 1));
        } catch (CacheSizeExceededException e) {
            throw tooLarge();
        } catch (IllegalStateException e) {
            // CXF resolves xop:Include only to parts of this request (never files or URLs); anything else fails here
            throw doorRejection(ErrorCode.MALFORMED, "the document's xop:Include names no part of this request");
        } catch (IOException e) {
            throw doorRejection(ErrorCode.MALFORMED, "the document could not be read: " + e.getMessage());
        }
    }

    private RejectionFault tooLarge() {
        return doorRejection(ErrorCode.PAYLOAD_TOO_LARGE, "documents are limited to " + maxDocumentBytes + " bytes");
    }

    private XMLGregorianCalendar dateTime(Instant at) {
        return datatypes.newXMLGregorianCalendar(at.toString());
    }

    private static String stripSlash(String address) {
        return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
    }

}
