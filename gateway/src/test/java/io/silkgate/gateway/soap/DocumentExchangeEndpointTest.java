package io.silkgate.gateway.soap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.gateway.http.DocumentsResource;
import io.silkgate.gateway.http.HttpApi;
import io.silkgate.gateway.config.MetricsAccess;
import io.silkgate.gateway.config.RateLimit;
import io.silkgate.gateway.http.ListenerSettings;
import io.silkgate.gateway.http.AuthFailureThrottle;
import io.silkgate.gateway.http.RateLimiter;
import io.silkgate.gateway.http.SubmitterAuthenticator;
import io.silkgate.gateway.http.SubmitterGate;
import io.silkgate.gateway.jmx.IntakeStatistics;
import io.silkgate.gateway.metrics.GatewayMetrics;
import io.silkgate.gateway.metrics.MetricsResource;
import io.silkgate.ledger.DeliveryRecord;
import io.silkgate.ledger.DeliveryStatus;
import io.silkgate.ledger.DocumentRecord;
import io.silkgate.ledger.DocumentStatus;
import io.silkgate.ledger.Ledger;
import io.silkgate.ledger.LedgerDatabase;
import io.silkgate.routes.DocumentArchive;
import io.silkgate.routes.IntakeOutcome;
import io.silkgate.routes.Sha256;
import io.silkgate.routes.Submission;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.soap.DeliveryStatusCode;
import io.silkgate.schemas.soap.DocumentExchange;
import io.silkgate.schemas.soap.DocumentExchangePortType;
import io.silkgate.schemas.soap.DocumentStatusCode;
import io.silkgate.schemas.soap.GetDocumentStatus;
import io.silkgate.schemas.soap.GetDocumentStatusResponse;
import io.silkgate.schemas.soap.Rejection;
import io.silkgate.schemas.soap.RejectionFault;
import io.silkgate.schemas.soap.StatusEvent;
import io.silkgate.schemas.soap.SubmitDocument;
import io.silkgate.schemas.soap.SubmitDocumentResponse;
import io.silkgate.schemas.soap.UnknownDocumentFault;
import jakarta.activation.DataHandler;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.WebServiceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.attachment.ByteDataSource;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SOAP intake on the shared HTTP listener, called with the generated client and with hand-written SOAP/MTOM
 * requests; the intake pipeline is replaced by a small fake that writes to a real H2 ledger.
 */
class DocumentExchangeEndpointTest {

    private static final String API_KEY = "k-acme-0123456789abcdef";
    private static final String OTHER_KEY = "k-globex-0123456789abcdef";
    private static final String LIMITED_KEY = "k-limited-0123456789abcdef";
    private static final long MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

    @TempDir
    static Path dataDir;

    private static LedgerDatabase database;
    private static Ledger ledger;
    private static FakeIntake intake;
    private static GatewayMetrics metrics;
    private static IntakeStatistics statistics;
    private static HttpApi api;
    private static Bus clientBus;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startApi() throws IOException {
        database = LedgerDatabase.open(LedgerDatabase.embeddedUrl(dataDir), null, null);
        ledger = new Ledger(database.dataSource(), Clock.systemUTC());
        intake = new FakeIntake(ledger);
        metrics = new GatewayMetrics();
        statistics = new IntakeStatistics(metrics);
        SubmitterAuthenticator submitters = SubmitterAuthenticator.ofKeys(
                Map.of(API_KEY, "acme", OTHER_KEY, "globex", LIMITED_KEY, "limited"));
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        DocumentsResource rest = new DocumentsResource(intake, ledger, new DocumentArchive(dataDir.resolve("archive")),
                MAX_DOCUMENT_BYTES, () -> Map.of("status", "UP"), statistics);
        SubmitterGate gate = new SubmitterGate(submitters, new SubmitterGate.Limits(
                new RateLimiter(Map.of("limited", new RateLimit(1, Duration.ofHours(1))), RateLimit.UNLIMITED),
                new RateLimiter(Map.of(), RateLimit.UNLIMITED), new AuthFailureThrottle(RateLimit.UNLIMITED)),
                MetricsAccess.OPEN, DocumentExchangeEndpoint::rejection, code -> statistics.rejectedAtTheDoor(code.name()));
        api = new HttpApi(new ListenerSettings("127.0.0.1", port, null, Duration.ofSeconds(30),
                DocumentExchangeEndpoint.maxRequestBytes(MAX_DOCUMENT_BYTES)), gate, rest, new MetricsResource(metrics),
                new DocumentExchangeEndpoint(intake, ledger, MAX_DOCUMENT_BYTES, statistics), null);
        clientBus = BusFactory.newInstance().createBus();
    }

    @AfterAll
    static void stopApi() {
        if (api != null) {
            api.close();
        }
        if (clientBus != null) {
            clientBus.shutdown(true);
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void anAcceptedDocumentGetsAnIdAndItsStatusCanBeRead() throws Exception {
        byte[] doc = "<Invoice>accepted-1</Invoice>".getBytes(StandardCharsets.UTF_8);
        SubmitDocument request = submit(doc, "application/xml; charset=UTF-8");
        request.getDestination().addAll(List.of(" vn-customs ", ""));

        SubmitDocumentResponse response = client(API_KEY).submitDocument(request);

        assertEquals(DocumentStatusCode.ACCEPTED, response.getStatus());
        assertFalse(response.isDuplicate());
        assertEquals("ubl", response.getFormat());
        assertEquals(Sha256.hex(doc), response.getSha256());
        assertEquals(List.of("vn-customs"), response.getDestination());
        Submission seen = intake.last(response.getId());
        assertArrayEquals(doc, seen.body());
        assertEquals("application/xml", seen.mediaType());
        assertEquals("acme", seen.submitter());
        assertEquals(List.of("vn-customs"), seen.requestedDestinations());

        GetDocumentStatus query = new GetDocumentStatus();
        query.setId(response.getId());
        GetDocumentStatusResponse status = client(API_KEY).getDocumentStatus(query);
        assertEquals(response.getId(), status.getId());
        assertEquals(DocumentStatusCode.ACCEPTED, status.getStatus());
        assertEquals(Sha256.hex(doc), status.getSha256());
        assertEquals("INV-accepted-1", status.getBusinessId());
        assertNotNull(status.getReceivedAt());
        assertEquals(List.of("RECEIVED", "ACCEPTED", "QUEUED"),
                status.getEvent().stream().map(StatusEvent::getStatus).toList());
        assertEquals(1, status.getDelivery().size());
        assertEquals("vn-customs", status.getDelivery().get(0).getPartner());
        assertEquals(DeliveryStatusCode.QUEUED, status.getDelivery().get(0).getStatus());
        assertEquals(0, status.getDelivery().get(0).getAttempts());
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstIdAsDuplicate() throws Exception {
        DocumentExchangePortType port = client(API_KEY);
        SubmitDocument first = submit("<Invoice>dup-1</Invoice>".getBytes(StandardCharsets.UTF_8), "application/xml");
        first.setIdempotencyKey("acme-2026-0001");
        SubmitDocumentResponse one = port.submitDocument(first);
        SubmitDocument again = submit("<Invoice>dup-1</Invoice>".getBytes(StandardCharsets.UTF_8), "application/xml");
        again.setIdempotencyKey("acme-2026-0001");
        SubmitDocumentResponse two = port.submitDocument(again);

        assertFalse(one.isDuplicate());
        assertTrue(two.isDuplicate());
        assertEquals(one.getId(), two.getId());
        assertEquals(DocumentStatusCode.ACCEPTED, two.getStatus());
    }

    @Test
    void aRejectedDocumentIsARejectionFaultWithCodeErrorsAndTheRecordedId() throws Exception {
        SubmitDocument request = submit("<Invoice>unsigned</Invoice>".getBytes(StandardCharsets.UTF_8),
                "application/xml");

        RejectionFault fault = assertThrows(RejectionFault.class, () -> client(API_KEY).submitDocument(request));

        Rejection r = fault.getFaultInfo();
        assertEquals("SIGNATURE_MISSING", r.getCode());
        assertEquals("the document is not signed", r.getDetail());
        assertEquals(DocumentStatusCode.REJECTED, r.getStatus());
        assertEquals(1, r.getError().size());
        assertEquals("SIGNATURE_MISSING", r.getError().get(0).getCode());
        assertEquals("/Invoice", r.getError().get(0).getLocation());
        GetDocumentStatus query = new GetDocumentStatus();
        query.setId(r.getId());
        GetDocumentStatusResponse status = client(API_KEY).getDocumentStatus(query);
        assertEquals(DocumentStatusCode.REJECTED, status.getStatus());
        assertEquals("SIGNATURE_MISSING", status.getCode());
    }

    @Test
    void requestChecksGiveTheSameCodesAsTheRestApi() {
        DocumentExchangePortType port = client(API_KEY);
        byte[] doc = "<Invoice>checks</Invoice>".getBytes(StandardCharsets.UTF_8);

        assertEquals("UNSUPPORTED_MEDIA_TYPE", codeOf(() -> port.submitDocument(submit(doc, "text/plain"))));
        assertEquals("MALFORMED", codeOf(() -> port.submitDocument(submit(new byte[0], "application/xml"))));
        SubmitDocument longKey = submit(doc, "application/xml");
        longKey.setIdempotencyKey("k".repeat(201));
        assertEquals("MALFORMED", codeOf(() -> port.submitDocument(longKey)));
        byte[] tooBig = new byte[(int) MAX_DOCUMENT_BYTES + 1000];
        assertEquals("PAYLOAD_TOO_LARGE", codeOf(() -> port.submitDocument(submit(tooBig, "application/xml"))));
        assertEquals(0, intake.count("checks"), "no rejected request may reach the intake");
    }

    @Test
    void withSubmittersConfiguredAMissingOrWrongApiKeyIsUnauthenticated() {
        byte[] doc = "<Invoice>auth</Invoice>".getBytes(StandardCharsets.UTF_8);
        assertEquals("UNAUTHENTICATED", codeOf(() -> client(null).submitDocument(submit(doc, "application/xml"))));
        assertEquals("UNAUTHENTICATED",
                codeOf(() -> client("k-wrong-0123456789abcdef").submitDocument(submit(doc, "application/xml"))));
        assertEquals(0, intake.count("auth"));
    }

    @Test
    void statusNeedsCredentialsAndShowsOnlyTheCallersOwnDocuments() throws Exception {
        SubmitDocumentResponse mine = client(API_KEY).submitDocument(
                submit("<Invoice>own-1</Invoice>".getBytes(StandardCharsets.UTF_8), "application/xml"));
        GetDocumentStatus query = new GetDocumentStatus();
        query.setId(mine.getId());

        WebServiceException anonymous = assertThrows(WebServiceException.class,
                () -> client(null).getDocumentStatus(query));
        assertTrue(anonymous.getMessage().contains("UNAUTHENTICATED"), anonymous.getMessage());
        UnknownDocumentFault foreign = assertThrows(UnknownDocumentFault.class,
                () -> client(OTHER_KEY).getDocumentStatus(query));
        assertEquals(mine.getId(), foreign.getFaultInfo().getId());
        assertEquals(mine.getId(), client(API_KEY).getDocumentStatus(query).getId());
    }

    @Test
    void aSubmitterOverItsRateLimitGetsTooManyRequestsWithRetryAfter() throws Exception {
        byte[] doc = "<Invoice>limited-1</Invoice>".getBytes(StandardCharsets.UTF_8);
        assertEquals(200, postMtom(doc, LIMITED_KEY).statusCode());

        HttpResponse<String> second = postMtom(doc, LIMITED_KEY);

        assertEquals(500, second.statusCode());
        assertTrue(second.body().contains("<code>TOO_MANY_REQUESTS</code>"), second.body());
        assertTrue(second.body().contains("<faultcode>soap:Client</faultcode>"), second.body());
        long retryAfter = Long.parseLong(second.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 3000 && retryAfter <= 3600, "one token an hour: " + retryAfter);
        assertEquals(1, intake.count("limited"), "the refused request never reached the intake");
    }

    @Test
    void anUnknownIdIsAnUnknownDocumentFault() {
        GetDocumentStatus query = new GetDocumentStatus();
        query.setId("no-such-document");
        UnknownDocumentFault fault = assertThrows(UnknownDocumentFault.class,
                () -> client(API_KEY).getDocumentStatus(query));
        assertEquals("no-such-document", fault.getFaultInfo().getId());
    }

    @Test
    void anInternalFailureIsAServerFaultWithoutRejectionDetail() throws Exception {
        HttpResponse<String> answer = postMtom("<Invoice>explode</Invoice>".getBytes(StandardCharsets.UTF_8), API_KEY);

        assertEquals(500, answer.statusCode());
        assertTrue(answer.body().contains("<faultcode>soap:Server</faultcode>"), answer.body());
        assertTrue(answer.body().contains("the document was not accepted, submit it again later"), answer.body());
        assertFalse(answer.body().contains("Rejection"), answer.body());
        assertFalse(answer.body().contains("broker is gone"), "internal detail must not leak to the caller");
    }

    @Test
    void theWsdlIsServedBesideTheRestApiOnTheSamePort() throws Exception {
        HttpResponse<String> wsdl = get("/soap/DocumentExchange?wsdl");
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("targetNamespace=\"urn:silkgate:document-exchange:1\""));
        assertTrue(wsdl.body().contains("location=\"" + base + "/soap/DocumentExchange\""), wsdl.body());
        assertTrue(wsdl.body().contains("expectedContentTypes"), "the MTOM hint must survive in the served WSDL");

        HttpResponse<String> health = get("/api/v1/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"UP\""));
    }

    @Test
    void aOneMegabyteDocumentSentAsMtomArrivesByteForByte() throws Exception {
        byte[] doc = new byte[1024 * 1024];
        new Random(7).nextBytes(doc);
        System.arraycopy("<Invoice>mtom".getBytes(StandardCharsets.US_ASCII), 0, doc, 0, 13);

        HttpResponse<String> answer = postMtom(doc, API_KEY);

        assertEquals(200, answer.statusCode(), answer.body());
        String id = between(answer.body(), "<id>", "</id>");
        assertArrayEquals(doc, intake.last(id).body());

        // the generated client sends MTOM as well
        byte[] second = Arrays.copyOf(doc, doc.length);
        second[20] ^= 1;
        SubmitDocumentResponse viaClient = client(API_KEY).submitDocument(submit(second, "application/xml"));
        assertArrayEquals(second, intake.last(viaClient.getId()).body());
    }

    @Test
    void aPlainSoapRequestWithInlineBase64GetsAPlainSoapAnswer() throws Exception {
        byte[] doc = "<Invoice>inline-1</Invoice>".getBytes(StandardCharsets.UTF_8);
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><SubmitDocument xmlns=\"urn:silkgate:document-exchange:1\">"
                + "<document>" + Base64.getMimeEncoder().encodeToString(doc) + "</document>"
                + "<mediaType>application/xml</mediaType>"
                + "<destination>vn-customs</destination>"
                + "</SubmitDocument></soap:Body></soap:Envelope>";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/soap/DocumentExchange"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("Authorization", "Bearer " + API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build();

        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"),
                "a client that did not use MTOM must not get multipart back: " + answer.headers());
        assertArrayEquals(doc, intake.last(between(answer.body(), "<id>", "</id>")).body());
    }

    @Test
    void rejectionsAreClientFaultsOnTheWire() throws Exception {
        HttpResponse<String> answer = postMtom("<Invoice>wire</Invoice>".getBytes(StandardCharsets.UTF_8), null);

        assertEquals(500, answer.statusCode());
        assertTrue(answer.body().contains("<faultcode>soap:Client</faultcode>"), answer.body());
        assertTrue(answer.body().contains("<code>UNAUTHENTICATED</code>"), answer.body());
    }

    @Test
    void aDeclaredLengthBeyondTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        byte[] doc = new byte[(int) (MAX_DOCUMENT_BYTES * 2)];
        HttpResponse<String> answer = postMtom(doc, API_KEY);

        assertEquals(500, answer.statusCode());
        assertTrue(answer.body().contains("<code>PAYLOAD_TOO_LARGE</code>"), answer.body());
        assertTrue(answer.body().contains("<faultcode>soap:Client</faultcode>"), answer.body());
    }

    @Test
    void xopIncludesThatPointAtFilesOrUrlsAreNeverFollowed() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            trap.setSoTimeout(300);
            for (String href : List.of("file:///etc/passwd", "http://127.0.0.1:" + trap.getLocalPort() + "/x",
                    "cid:missing@test")) {
                String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        + "<soap:Body><d:SubmitDocument xmlns:d=\"urn:silkgate:document-exchange:1\">"
                        + "<d:document><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\""
                        + " href=\"" + href + "\"/></d:document>"
                        + "<d:mediaType>application/xml</d:mediaType>"
                        + "</d:SubmitDocument></soap:Body></soap:Envelope>";
                String boundary = "xop-trick";
                String body = "--" + boundary + "\r\n"
                        + "Content-Type: application/xop+xml; charset=UTF-8; type=\"text/xml\"\r\n"
                        + "Content-ID: <root@test>\r\n\r\n" + envelope + "\r\n--" + boundary + "--\r\n";
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/soap/DocumentExchange"))
                        .header("Content-Type", "multipart/related; type=\"application/xop+xml\"; boundary=\""
                                + boundary + "\"; start=\"<root@test>\"; start-info=\"text/xml\"")
                        .header("Authorization", "Bearer " + API_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();

                HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

                assertEquals(500, answer.statusCode(), href + ": " + answer.body());
                assertTrue(answer.body().contains("<faultcode>soap:Client</faultcode>"), href + ": " + answer.body());
                assertFalse(answer.body().contains("root:"), "no file content may come back");
            }
            assertThrows(java.net.SocketTimeoutException.class, trap::accept, "an http href must not be fetched");
            assertTrue(intake.all.isEmpty() || intake.all.stream().noneMatch(s -> new String(s.body(),
                    StandardCharsets.ISO_8859_1).contains("root:")), "nothing read from a file reached the intake");
        }
    }

    private static String codeOf(Submitter call) {
        RejectionFault fault = assertThrows(RejectionFault.class, call::submit);
        return fault.getFaultInfo().getCode();
    }

    /** A SubmitDocument call that is expected to fail. */
    @FunctionalInterface
    private interface Submitter {
        void submit() throws Exception;
    }

    private static SubmitDocument submit(byte[] doc, String mediaType) {
        SubmitDocument request = new SubmitDocument();
        request.setDocument(new DataHandler(new ByteDataSource(doc, "application/octet-stream")));
        request.setMediaType(mediaType);
        return request;
    }

    private static DocumentExchangePortType client(String apiKey) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(clientBus);
        factory.setServiceClass(DocumentExchangePortType.class);
        factory.setWsdlURL(DocumentExchange.WSDL_LOCATION.toExternalForm());
        factory.setServiceName(DocumentExchange.SERVICE);
        factory.setEndpointName(DocumentExchange.DocumentExchangePort);
        factory.setAddress(base + "/soap/DocumentExchange");
        DocumentExchangePortType port = factory.create(DocumentExchangePortType.class);
        ((SOAPBinding) ((BindingProvider) port).getBinding()).setMTOMEnabled(true);
        if (apiKey != null) {
            ((BindingProvider) port).getRequestContext().put(MessageContext.HTTP_REQUEST_HEADERS,
                    Map.of("Authorization", List.of("Bearer " + apiKey)));
        }
        return port;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A hand-written SOAP 1.1 MTOM request, as a non-CXF client would send it. */
    private static HttpResponse<String> postMtom(byte[] doc, String apiKey)
            throws IOException, InterruptedException {
        String boundary = "silkgate-test-boundary";
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><d:SubmitDocument xmlns:d=\"urn:silkgate:document-exchange:1\">"
                + "<d:document><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\""
                + " href=\"cid:document@test\"/></d:document>"
                + "<d:mediaType>application/xml</d:mediaType>"
                + "</d:SubmitDocument></soap:Body></soap:Envelope>";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Type: application/xop+xml; charset=UTF-8; type=\"text/xml\"\r\n"
                + "Content-ID: <root@test>\r\n\r\n" + envelope + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: binary\r\n"
                + "Content-ID: <document@test>\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(doc);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/soap/DocumentExchange"))
                .header("Content-Type", "multipart/related; type=\"application/xop+xml\"; boundary=\"" + boundary
                        + "\"; start=\"<root@test>\"; start-info=\"text/xml\"")
                .header("SOAPAction", "\"urn:silkgate:document-exchange:1:SubmitDocument\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, text);
        return text.substring(from + start.length(), text.indexOf(end, from));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Stands in for the intake route: accepts {@code <Invoice>} documents into the ledger, rejects those that say
     * "unsigned", fails on "explode", and answers a repeated idempotency key with the first id.
     */
    private static final class FakeIntake implements Function<Submission, IntakeOutcome> {

        private final Ledger ledger;
        private final Map<String, Submission> byId = new ConcurrentHashMap<>();
        private final Map<String, String> idByKey = new ConcurrentHashMap<>();
        private final List<Submission> all = new CopyOnWriteArrayList<>();

        FakeIntake(Ledger ledger) {
            this.ledger = ledger;
        }

        @Override
        public IntakeOutcome apply(Submission s) {
            all.add(s);
            String text = new String(s.body(), 0, Math.min(s.body().length, 64), StandardCharsets.ISO_8859_1);
            String sha = Sha256.hex(s.body());
            if (text.contains("explode")) {
                throw new IllegalStateException("the broker is gone");
            }
            if (s.idempotencyKey() != null && idByKey.containsKey(s.idempotencyKey())) {
                return IntakeOutcome.duplicateOf(idByKey.get(s.idempotencyKey()), "ubl", sha, List.of("vn-customs"));
            }
            String id = UUID.randomUUID().toString();
            byId.put(id, s);
            int open = text.indexOf("<Invoice>");
            int close = text.indexOf("</Invoice>");
            String business = "INV-" + (open >= 0 && close > open ? text.substring(open + 9, close) : id);
            DocumentRecord doc = new DocumentRecord(id, s.submitter(), "ubl", "invoice", business, sha,
                    s.idempotencyKey(), DocumentStatus.RECEIVED, Instant.now(), null, null, false);
            if (text.contains("unsigned")) {
                ledger.recordRejected(doc, "SIGNATURE_MISSING", "the document is not signed");
                return IntakeOutcome.rejected(id, "ubl", sha, ErrorCode.SIGNATURE_MISSING, "the document is not signed",
                        List.of(Problem.at(ErrorCode.SIGNATURE_MISSING, "no ds:Signature", "/Invoice")));
            }
            ledger.recordAccepted(doc, List.of(new DeliveryRecord("d-" + id, id, "vn-customs", "vn-tt78",
                    DeliveryStatus.QUEUED, 0, null, null, Instant.now())));
            if (s.idempotencyKey() != null) {
                idByKey.put(s.idempotencyKey(), id);
            }
            return IntakeOutcome.accepted(id, "ubl", sha, new ArrayList<>(List.of("vn-customs")));
        }

        Submission last(String id) {
            Submission s = byId.get(id);
            assertNotNull(s, "the intake never saw document " + id);
            return s;
        }

        long count(String marker) {
            return all.stream().filter(s -> new String(s.body(), StandardCharsets.ISO_8859_1).contains(marker))
                    .count();
        }
    }
}
