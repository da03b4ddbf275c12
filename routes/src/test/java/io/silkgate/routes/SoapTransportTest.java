package io.silkgate.routes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.soap.DocumentExchange;
import io.silkgate.schemas.soap.DocumentExchangePortType;
import io.silkgate.schemas.soap.DocumentStatusCode;
import io.silkgate.schemas.soap.GetDocumentStatus;
import io.silkgate.schemas.soap.GetDocumentStatusResponse;
import io.silkgate.schemas.soap.Rejection;
import io.silkgate.schemas.soap.RejectionError;
import io.silkgate.schemas.soap.RejectionFault;
import io.silkgate.schemas.soap.SubmitDocument;
import io.silkgate.schemas.soap.SubmitDocumentResponse;
import io.silkgate.schemas.soap.UnknownDocumentFault;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.jaxws.context.WebServiceContextImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SOAP delivery against a small partner server that implements the DocumentExchange contract. */
class SoapTransportTest {

    private static Bus serverBus;
    private static Bus clientBus;
    private static Server server;
    private static URI partnerUrl;
    private static final Partner PARTNER = new Partner();

    @BeforeAll
    static void startPartner() throws IOException {
        serverBus = BusFactory.newInstance().createBus();
        clientBus = BusFactory.newInstance().createBus();
        partnerUrl = URI.create("http://127.0.0.1:" + freePort() + "/partner/soap");
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(serverBus);
        factory.setServiceClass(DocumentExchangePortType.class);
        factory.setServiceBean(PARTNER);
        factory.setWsdlLocation(DocumentExchange.WSDL_LOCATION.toExternalForm());
        factory.setServiceName(DocumentExchange.SERVICE);
        factory.setEndpointName(DocumentExchange.DocumentExchangePort);
        factory.setAddress(partnerUrl.toString());
        server = factory.create();
    }

    @AfterAll
    static void stopPartner() {
        PARTNER.release.countDown();
        server.destroy();
        serverBus.shutdown(true);
        clientBus.shutdown(true);
    }

    @BeforeEach
    void reset() {
        PARTNER.received.clear();
        PARTNER.answer = Answer.ACCEPT;
    }

    @Test
    void anAcceptedSubmissionIsAnAcknowledgementAndCarriesBodyAndHeaders() {
        OutboundDocument doc = document("doc-1");

        assertDoesNotThrow(() -> transport(Duration.ofSeconds(5)).send(doc));

        assertEquals(1, PARTNER.received.size());
        Received r = PARTNER.received.get(0);
        assertArrayEquals(doc.body(), r.body());
        assertEquals("application/xml", r.mediaType());
        assertEquals("doc-1", r.idempotencyKey());
        assertEquals("doc-1", r.header("Silkgate-Document-Id"));
        assertEquals("vn-tt78", r.header("Silkgate-Format"));
        assertEquals("ubl", r.header("Silkgate-Source-Format"));
        assertEquals(doc.signature(), r.header("Silkgate-Signature"));
        assertTrue(r.header("Content-Type").startsWith("multipart/related"), r.header("Content-Type"));
        assertTrue(r.header("Content-Type").contains("application/xop+xml"), "the body must travel as MTOM");
    }

    @Test
    void aDuplicateAnswerIsAnAcknowledgementToo() {
        PARTNER.answer = Answer.DUPLICATE;
        assertDoesNotThrow(() -> transport(Duration.ofSeconds(5)).send(document("doc-dup")));
    }

    @Test
    void aRejectionFaultFailsTheDeliveryWithTheCodeInTheMessage() {
        PARTNER.answer = Answer.REJECT;
        DeliveryFailedException e = assertThrows(DeliveryFailedException.class,
                () -> transport(Duration.ofSeconds(5)).send(document("doc-rej")));
        assertTrue(e.getMessage().contains("rejected the document"), e.getMessage());
        assertTrue(e.getMessage().contains("SCHEMA_INVALID"), e.getMessage());
        assertTrue(e.getMessage().contains("cbc:IssueDate missing"), e.getMessage());
    }

    @Test
    void aResponseWithStatusRejectedIsNotAnAcknowledgement() {
        PARTNER.answer = Answer.REJECTED_STATUS;
        DeliveryFailedException e = assertThrows(DeliveryFailedException.class,
                () -> transport(Duration.ofSeconds(5)).send(document("doc-status")));
        assertTrue(e.getMessage().contains("REJECTED"), e.getMessage());
    }

    @Test
    void anyOtherFaultFailsTheDelivery() {
        PARTNER.answer = Answer.CRASH;
        DeliveryFailedException e = assertThrows(DeliveryFailedException.class,
                () -> transport(Duration.ofSeconds(5)).send(document("doc-crash")));
        assertTrue(e.getMessage().contains("SOAP fault"), e.getMessage());
        assertTrue(e.getMessage().contains("partner database down"), e.getMessage());
    }

    @Test
    void aPartnerThatIsDownFailsTheDeliveryAsUnreachable() throws IOException {
        URI nobody = URI.create("http://127.0.0.1:" + freePort() + "/soap");
        DeliveryFailedException e = assertThrows(DeliveryFailedException.class,
                () -> new SoapTransport(nobody, Duration.ofSeconds(2), clientBus).send(document("doc-down")));
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }

    @Test
    void anEndpointThatIsNotTheServiceFailsTheDelivery() {
        URI wrongPath = partnerUrl.resolve("/not-the-service");
        assertThrows(DeliveryFailedException.class,
                () -> new SoapTransport(wrongPath, Duration.ofSeconds(2), clientBus).send(document("doc-404")));
    }

    @Test
    void aPartnerSlowerThanTheTimeoutFailsTheDelivery() {
        PARTNER.answer = Answer.HANG;
        long start = System.nanoTime();
        DeliveryFailedException e = assertThrows(DeliveryFailedException.class,
                () -> transport(Duration.ofMillis(500)).send(document("doc-slow")));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertTrue(millis < 4000, "gave up only after " + millis + " ms");
    }

    @Test
    void concurrentConsumersOnOneTransportNeverMixTheirHeaders() throws Exception {
        SoapTransport shared = transport(Duration.ofSeconds(10));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                OutboundDocument doc = document("doc-c" + i);
                sends.add(pool.submit(() -> shared.send(doc)));
            }
            for (Future<?> f : sends) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(30, PARTNER.received.size());
        for (Received r : PARTNER.received) {
            String id = r.idempotencyKey();
            assertEquals(id, r.header("Silkgate-Document-Id"));
            assertEquals("jws-of-" + id, r.header("Silkgate-Signature"));
            assertEquals("<Invoice id=\"" + id + "\"/>", new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    private static SoapTransport transport(Duration timeout) {
        return new SoapTransport(partnerUrl, timeout, clientBus);
    }

    private static OutboundDocument document(String id) {
        byte[] body = ("<Invoice id=\"" + id + "\"/>").getBytes(StandardCharsets.UTF_8);
        return new OutboundDocument(id, "ubl", "vn-tt78", "application/xml", body, "jws-of-" + id);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private enum Answer { ACCEPT, DUPLICATE, REJECT, REJECTED_STATUS, CRASH, HANG }

    /** One SubmitDocument call as the partner saw it. */
    private record Received(byte[] body, String mediaType, String idempotencyKey, Map<String, String> headers) {

        String header(String name) {
            return headers.get(name);
        }
    }

    /** The partner: records every call and answers as the current test asks. */
    private static final class Partner implements DocumentExchangePortType {

        final List<Received> received = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        volatile Answer answer = Answer.ACCEPT;
        private final WebServiceContext context = new WebServiceContextImpl();

        @Override
        public SubmitDocumentResponse submitDocument(SubmitDocument request) throws RejectionFault {
            byte[] body;
            try (InputStream in = request.getDocument().getInputStream()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            received.add(new Received(body, request.getMediaType(), request.getIdempotencyKey(), headers()));
            switch (answer) {
                case REJECT -> {
                    Rejection r = new Rejection();
                    r.setCode("SCHEMA_INVALID");
                    r.setDetail("the document does not match its schema");
                    RejectionError error = new RejectionError();
                    error.setCode("SCHEMA_INVALID");
                    error.setMessage("cbc:IssueDate missing");
                    r.getError().add(error);
                    throw new RejectionFault("SCHEMA_INVALID", r);
                }
                case CRASH -> throw new IllegalStateException("partner database down");
                case HANG -> {
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                default -> {
                }
            }
            SubmitDocumentResponse response = new SubmitDocumentResponse();
            response.setId("partner-" + request.getIdempotencyKey());
            response.setStatus(answer == Answer.REJECTED_STATUS ? DocumentStatusCode.REJECTED
                    : DocumentStatusCode.ACCEPTED);
            response.setFormat("vn-tt78");
            response.setSha256("0".repeat(64));
            response.setDuplicate(answer == Answer.DUPLICATE);
            return response;
        }

        @Override
        public GetDocumentStatusResponse getDocumentStatus(GetDocumentStatus request) throws UnknownDocumentFault {
            throw new UnsupportedOperationException("delivery never asks for status");
        }

        private Map<String, String> headers() {
            Map<String, String> flat = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            Object headers = context.getMessageContext().get(MessageContext.HTTP_REQUEST_HEADERS);
            if (headers instanceof Map<?, ?> map) {
                map.forEach((k, v) -> flat.put(String.valueOf(k),
                        v instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : ""));
            }
            return flat;
        }
    }
}
