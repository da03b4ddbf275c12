package io.silkgate.pint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.ledger.LedgerDatabase;
import io.silkgate.routes.DeliveryFailedException;
import io.silkgate.routes.DeliveryRejectedException;
import io.silkgate.routes.OutboundDocument;
import io.silkgate.schemas.SecureJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sender against a real receiver over HTTP: the gateway (CARX) passes an accepted eBL on to platform SGTD. */
class PintTransportTest {

    private static final JsonNode NEXT_HOLDER = EnvelopeWriter.party("Example Bank Singapore", "SGTD", "SGTD", "bank-sg-01");
    private static PintFixture fx;
    private static IssuedCertificate downstreamKey;

    @TempDir
    Path dir;

    private final List<LedgerDatabase> databases = new ArrayList<>();
    private HttpServer server;

    @BeforeAll
    static void keys() {
        fx = new PintFixture();
        downstreamKey = PintFixture.issue("SGTD", CertificateIssuer.ecKeyPair("secp256r1"));
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.stop(0);
        }
        databases.forEach(LedgerDatabase::close);
    }

    @Test
    void anAcceptedEblGoesOnWithItsDocumentsAndARetryIsADuplicate() throws Exception {
        byte[] doc = "%PDF-1.7 packing list".getBytes(StandardCharsets.US_ASCII);
        PintChainStore ours = store("carx");
        byte[] received = fx.toBank(List.of(PintFixture.document(doc, "packing-list.pdf")));
        ours.storeDocument(PintChecksums.ofBytes(doc), doc);
        List<String> handedOver = new ArrayList<>();
        PintReceiver downstream = downstream(Set.of(new ServedParty("SGTD", "bank-sg-01")), handedOver);
        PintTransport transport = transport(serve(downstream, new AtomicInteger()), ours);

        transport.send(outbound("pint-1", received));
        assertEquals(1, handedOver.size(), "the next platform accepted the eBL");

        transport.send(outbound("pint-1", received));
        assertEquals(1, handedOver.size(), "a retry sends the same envelope and gets DUPE");
    }

    @Test
    void aSignedRefusalIsFinalAndAnUnsignedErrorIsRetried() throws Exception {
        PintChainStore ours = store("carx");
        byte[] received = fx.toBank(List.of());
        PintReceiver wrongParty = downstream(Set.of(new ServedParty("SGTD", "someone-else")), new ArrayList<>());
        PintTransport refused = transport(serve(wrongParty, new AtomicInteger()), ours);
        DeliveryRejectedException e = assertThrows(DeliveryRejectedException.class,
                () -> refused.send(outbound("pint-2", received)));
        assertTrue(e.getMessage().startsWith("PINT BENV: "), e.getMessage());

        server.stop(0);
        AtomicInteger failures = new AtomicInteger(1);
        PintReceiver fine = downstream(Set.of(new ServedParty("SGTD", "bank-sg-01")), new ArrayList<>());
        PintTransport flaky = transport(serve(fine, failures), ours);
        com.fasterxml.jackson.databind.node.ObjectNode otherTd = fx.td.deepCopy();
        otherTd.put("transportDocumentReference", "SGTST0004321");
        DeliveryFailedException retry = assertThrows(DeliveryFailedException.class,
                () -> flaky.send(outbound("pint-3", fx.toBank(otherTd))));
        assertFalse(retry instanceof DeliveryRejectedException, retry.getMessage());
        assertTrue(retry.getMessage().contains("without a signed verdict"), retry.getMessage());

        // the eBL of pint-2 already has an entry written by this gateway: it is never sent on a second time
        DeliveryRejectedException twice = assertThrows(DeliveryRejectedException.class,
                () -> flaky.send(outbound("pint-4", received)));
        assertTrue(twice.getMessage().contains("cannot be sent on again"), twice.getMessage());
    }

    private PintChainStore store(String name) {
        LedgerDatabase db = LedgerDatabase.open(LedgerDatabase.embeddedUrl(dir.resolve(name)), null, null);
        databases.add(db);
        return new PintChainStore(db.dataSource(), Clock.systemUTC());
    }

    private PintReceiver downstream(Set<ServedParty> parties, List<String> handedOver) {
        PintTrust trust = new PintTrust(List.of(PintTrust.of(fx.carrier.certificate(), "carrier"),
                PintTrust.of(fx.bole.certificate(), "bole"), PintTrust.of(fx.wave.certificate(), "wave"),
                PintTrust.of(fx.gateway.certificate(), "carx")));
        return new PintReceiver(new EnvelopeVerifier(trust, "SGTD", parties, TransportDocumentCheck.NONE, 1_000_000),
                store("sgtd-" + handedOver.hashCode() + System.nanoTime()), PintFixture.signer(downstreamKey), t -> {
                    handedOver.add(t.envelopeReference());
                    return "x";
                });
    }

    private PintTransport transport(URI base, PintChainStore ours) {
        return new PintTransport(base, Duration.ofSeconds(10), HttpClient.newHttpClient(), ours,
                PintFixture.signer(fx.gateway), "CARX", NEXT_HOLDER,
                new PintTrust(List.of(PintTrust.of(downstreamKey.certificate(), "sgtd"))), Clock.systemUTC());
    }

    private static OutboundDocument outbound(String id, byte[] envelope) {
        return new OutboundDocument(id, "dcsa-pint3", "dcsa-pint3", "application/json", envelope, "");
    }

    private static final Pattern DOCUMENT = Pattern.compile(".*/envelopes/([^/]+)/additional-documents/([0-9a-f]+)");
    private static final Pattern FINISH = Pattern.compile(".*/envelopes/([^/]+)/finish-transfer");

    /** A minimal HTTP front for the receiver; the first {@code failures} requests get an unsigned 503. */
    private URI serve(PintReceiver receiver, AtomicInteger failures) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/pint/v3/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(exchange, new PintAnswer(503, "{\"message\":\"try later\"}", null, null));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Matcher d = DOCUMENT.matcher(path);
            Matcher f = FINISH.matcher(path);
            PintAnswer answer;
            if (path.endsWith("/envelopes")) {
                answer = receiver.start(body);
            } else if (d.matches()) {
                answer = receiver.additionalDocument(d.group(1), d.group(2), body);
            } else if (f.matches()) {
                answer = receiver.finish(f.group(1));
            } else {
                answer = new PintAnswer(404, null, null, "unknown");
            }
            reply(exchange, answer);
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pint/v3");
    }

    private static void reply(HttpExchange exchange, PintAnswer answer) throws IOException {
        byte[] out = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
        exchange.close();
    }

    static {
        SecureJson.mapper();
    }
}
