package io.silkgate.it;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner system's REST endpoint, played by a JDK HTTP server on a fixed loopback port: records every request the
 * gateway makes and answers 200, answers 503 or 500, or is switched off entirely (connection refused); it can also
 * take its time before answering, like a partner under load.
 */
final class StubPartner implements AutoCloseable {

    /** How the partner behaves towards the next request. */
    enum Mode {
        /** answers 200: the delivery is acknowledged */
        ACCEPT,
        /** answers 503: the partner is up but cannot take documents now */
        REFUSE,
        /** answers 500: the partner is broken, and stays broken until switched back */
        FAIL,
        /** nothing listens on the port: the gateway's connection is refused */
        STOPPED
    }

    /** One request as the partner saw it, with the status it answered. */
    record Request(Instant at, Map<String, String> headers, byte[] body, int answered) {

        /** The first value of a header, looked up case-insensitively; null if absent. */
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String documentId() {
            return header("Silkgate-Document-Id");
        }

        boolean accepted() {
            return answered / 100 == 2;
        }
    }

    private static final String PATH = "/inbox";
    private static final Duration REBIND_TIMEOUT = Duration.ofSeconds(10);

    private final int port;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Mode mode;
    private volatile Duration answerDelay = Duration.ZERO;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private HttpServer server;
    private ExecutorService executor;

    StubPartner(Mode initial) {
        this.mode = Mode.ACCEPT;
        this.server = bind(0);
        this.port = server.getAddress().getPort();
        switchTo(initial);
    }

    /** The URL to configure as the partner's endpoint; the same for the stub's whole life. */
    URI url() {
        return URI.create("http://127.0.0.1:" + port + PATH);
    }

    Mode mode() {
        return mode;
    }

    /** Changes how the next requests are answered; STOPPED closes the port, leaving STOPPED opens it again. */
    synchronized void switchTo(Mode next) {
        if (next == Mode.STOPPED && server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        } else if (next != Mode.STOPPED && server == null) {
            server = bind(port);
        }
        mode = next;
    }

    /**
     * Every later request is answered only after {@code delay} (zero: at once), so that deliveries are still in
     * progress when the test acts on the gateway.
     */
    void answerAfter(Duration delay) {
        answerDelay = delay;
    }

    /** The most requests this stub was answering at the same time so far. */
    int mostInFlight() {
        return mostInFlight.get();
    }

    /** Every request received so far, oldest first. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Every request that carried this Silkgate-Document-Id. */
    List<Request> requestsFor(String documentId) {
        return requests.stream().filter(r -> documentId.equals(r.documentId())).toList();
    }

    /** The requests for this document that were acknowledged with a 2xx. */
    List<Request> acceptedFor(String documentId) {
        return requestsFor(documentId).stream().filter(Request::accepted).toList();
    }

    /** A readable list of what arrived, for failure messages. */
    String describe() {
        StringBuilder s = new StringBuilder("stub partner " + url() + " (" + mode + ") received "
                + requests.size() + " request(s):");
        for (Request r : requests) {
            s.append("\n  ").append(r.at()).append(' ').append(r.documentId()).append(" -> ").append(r.answered());
        }
        return s.toString();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private HttpServer bind(int wanted) {
        long deadline = System.nanoTime() + REBIND_TIMEOUT.toNanos();
        while (true) {
            try {
                HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 0);
                s.createContext(PATH, this::handle);
                // enough threads that the stub never limits how many deliveries the gateway runs in parallel
                executor = Executors.newFixedThreadPool(16);
                s.setExecutor(executor);
                s.start();
                return s;
            } catch (BindException e) {
                // the port of a just-stopped server can linger briefly; the stub must keep its URL
                if (System.nanoTime() > deadline) {
                    throw new UncheckedIOException("cannot bind the stub partner to port " + wanted, e);
                }
                Await.pause(100);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        mostInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Duration delay = answerDelay;
            if (!delay.isZero()) {
                Await.pause(delay.toMillis());
            }
            int status = switch (mode) {
                case ACCEPT -> 200;
                case FAIL -> 500;
                default -> 503;
            };
            requests.add(new Request(Instant.now(), flatten(exchange.getRequestHeaders()), body, status));
            byte[] answer = (switch (status) {
                case 200 -> "received";
                case 500 -> "internal error in the partner system (test stub)";
                default -> "partner temporarily unavailable (test stub)";
            }).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static Map<String, String> flatten(Headers headers) {
        Map<String, String> flat = new TreeMap<>();
        headers.forEach((name, values) -> {
            if (!values.isEmpty()) {
                flat.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return flat;
    }
}
