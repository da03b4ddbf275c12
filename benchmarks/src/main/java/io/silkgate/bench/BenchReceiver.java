package io.silkgate.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The partner endpoint of the load run: an in-process REST receiver that answers 200 and notes, per
 * {@code Silkgate-Document-Id}, when the delivery arrived and whether it carried the gateway's signature.
 */
final class BenchReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "bench-partner");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
    // ids only, not the signatures (a few KB each): the long run watches the heap for growth
    private final Set<String> signed = ConcurrentHashMap.newKeySet();

    BenchReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/inbox", exchange -> {
            exchange.getRequestBody().readAllBytes();
            long now = System.nanoTime();
            String id = exchange.getRequestHeaders().getFirst("Silkgate-Document-Id");
            String signature = exchange.getRequestHeaders().getFirst("Silkgate-Signature");
            if (id != null) {
                deliveredAt.putIfAbsent(id, now);
                if (signature != null && !signature.isBlank()) {
                    signed.add(id);
                }
            }
            exchange.sendResponseHeaders(id == null ? 400 : 200, -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/inbox");
    }

    /** When the first delivery of the document arrived (System.nanoTime), or null. */
    Long deliveredAt(String documentId) {
        return deliveredAt.get(documentId);
    }

    /** True when the gateway sent the document with its detached JWS. */
    boolean signed(String documentId) {
        return signed.contains(documentId);
    }

    int deliveredCount() {
        return deliveredAt.size();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
