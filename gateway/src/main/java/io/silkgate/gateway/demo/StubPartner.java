package io.silkgate.gateway.demo;

import com.sun.net.httpserver.HttpServer;
import io.silkgate.sign.DetachedJwsVerifier;
import io.silkgate.sign.JwsCheck;
import io.silkgate.verify.TrustAnchors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated partner endpoint for the demo: an in-process HTTP server that checks the gateway's
 * {@code Silkgate-Signature} and acknowledges, or refuses the first N requests to show retries.
 */
final class StubPartner implements AutoCloseable {

    /** One request the partner received. */
    record Received(String documentId, String format, boolean signatureValid, int status) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusalsLeft;

    /** @param refusals how many requests to answer 503 first; negative: refuse all */
    StubPartner(TrustAnchors gatewayAnchors, int refusals) {
        this.refusalsLeft = new AtomicInteger(refusals);
        DetachedJwsVerifier verifier = new DetachedJwsVerifier(gatewayAnchors);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/inbox", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("Silkgate-Signature");
            JwsCheck check = signature == null ? null : verifier.verify(signature, body);
            boolean valid = check != null && check.valid();
            int status;
            if (refusalsLeft.get() != 0) {
                refusalsLeft.decrementAndGet();
                status = 503;
            } else {
                status = valid ? 200 : 400;
            }
            received.add(new Received(exchange.getRequestHeaders().getFirst("Silkgate-Document-Id"),
                    exchange.getRequestHeaders().getFirst("Silkgate-Format"), valid, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/inbox");
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
