package io.silkgate.routes;

import io.silkgate.schemas.soap.DocumentExchange;
import io.silkgate.schemas.soap.DocumentExchangePortType;
import io.silkgate.schemas.soap.DocumentStatusCode;
import io.silkgate.schemas.soap.Rejection;
import io.silkgate.schemas.soap.RejectionError;
import io.silkgate.schemas.soap.RejectionFault;
import io.silkgate.schemas.soap.SubmitDocument;
import io.silkgate.schemas.soap.SubmitDocumentResponse;
import jakarta.activation.DataHandler;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.cxf.Bus;
import org.apache.cxf.attachment.ByteDataSource;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/**
 * Delivers to a partner endpoint of type {@code soap} (CONTRACT.md §5–§6): {@code SubmitDocument} of the
 * DocumentExchange contract, the translated document as an MTOM attachment. A response that says accepted (or
 * duplicate) is the acknowledgement; a fault, a rejection, a timeout or a refused connection is a
 * {@link DeliveryFailedException}.
 *
 * <p>Safe for concurrent consumers: one CXF client proxy per partner, configured once here (conduit, timeouts,
 * MTOM) and never changed afterwards; the only per-call state, the HTTP headers, goes into the client's
 * thread-local request context, so each consumer thread sees only its own headers.
 */
public final class SoapTransport implements PartnerTransport {

    private static final int MAX_ERROR_TEXT = 300;

    private final URI url;
    private final DocumentExchangePortType port;

    /**
     * @param url     the partner's DocumentExchange endpoint address
     * @param timeout limit for connecting and, separately, for waiting for the answer
     * @param bus     the CXF bus the client runs on; the caller owns (and shuts down) it
     */
    public SoapTransport(URI url, Duration timeout, Bus bus) {
        this.url = url;
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(DocumentExchangePortType.class);
        factory.setWsdlURL(DocumentExchange.WSDL_LOCATION.toExternalForm());
        factory.setServiceName(DocumentExchange.SERVICE);
        factory.setEndpointName(DocumentExchange.DocumentExchangePort);
        factory.setAddress(url.toString());
        this.port = factory.create(DocumentExchangePortType.class);

        BindingProvider provider = (BindingProvider) port;
        ((SOAPBinding) provider.getBinding()).setMTOMEnabled(true);
        Client client = ClientProxy.getClient(port);
        // without this every thread would write its headers into one shared map
        client.setThreadLocalRequestContext(true);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(timeout.toMillis());
        policy.setReceiveTimeout(timeout.toMillis());
        ((HTTPConduit) client.getConduit()).setClient(policy);
    }

    @Override
    public void send(OutboundDocument doc) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Silkgate-Document-Id", List.of(doc.documentId()));
        headers.put("Silkgate-Format", List.of(doc.targetFormat()));
        headers.put("Silkgate-Source-Format", List.of(doc.sourceFormat()));
        if (doc.signature() != null) {
            headers.put("Silkgate-Signature", List.of(doc.signature()));
        }
        ((BindingProvider) port).getRequestContext().put(MessageContext.HTTP_REQUEST_HEADERS, headers);

        SubmitDocument request = new SubmitDocument();
        request.setDocument(new DataHandler(new ByteDataSource(doc.body(), "application/octet-stream")));
        request.setMediaType(doc.mediaType());
        // the Silkgate id is the same on every attempt, so a partner that saw an earlier attempt answers duplicate
        request.setIdempotencyKey(doc.documentId());

        SubmitDocumentResponse response;
        try {
            response = port.submitDocument(request);
        } catch (RejectionFault e) {
            throw new DeliveryFailedException(url + " rejected the document: " + describe(e));
        } catch (SOAPFaultException e) {
            throw new DeliveryFailedException(url + " answered a SOAP fault: "
                    + e.getFault().getFaultCode() + " " + clip(e.getFault().getFaultString()));
        } catch (WebServiceException e) {
            // without a SAAJ implementation CXF hands other faults over wrapped, not as SOAPFaultException
            throw new DeliveryFailedException(url + " " + transportProblem(e));
        }
        if (response == null || response.getStatus() == null) {
            throw new DeliveryFailedException(url + " answered SubmitDocument without a status");
        }
        if (response.getStatus() == DocumentStatusCode.REJECTED) {
            throw new DeliveryFailedException(url + " answered status REJECTED for document " + response.getId());
        }
    }

    private static String describe(RejectionFault e) {
        Rejection r = e.getFaultInfo();
        if (r == null) {
            return clip(e.getMessage());
        }
        String errors = r.getError().stream().map(SoapTransport::describe).collect(Collectors.joining("; "));
        return clip(r.getCode() + " " + r.getDetail() + (errors.isEmpty() ? "" : " [" + errors + "]"));
    }

    private static String describe(RejectionError error) {
        return error.getCode() + ": " + error.getMessage()
                + (error.getLocation() == null ? "" : " at " + error.getLocation());
    }

    /** Names the cause a person can act on: refused, timed out, a fault, or what came instead of SOAP. */
    private static String transportProblem(WebServiceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "unreachable: connection refused (" + clip(t.getMessage()) + ")";
            }
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return "timed out: " + clip(t.getMessage());
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SoapFault fault) {
                return "answered a SOAP fault: " + fault.getFaultCode().getLocalPart() + " " + clip(fault.getMessage());
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "failed: " + clip(root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")");
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        String s = text.strip();
        return s.length() <= MAX_ERROR_TEXT ? s : s.substring(0, MAX_ERROR_TEXT) + "...";
    }
}
