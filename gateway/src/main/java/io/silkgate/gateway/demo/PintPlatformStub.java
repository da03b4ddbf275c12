package io.silkgate.gateway.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.silkgate.pint.PintAnswer;
import io.silkgate.pint.PintReceiver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partner eBL platform for the demo and the tests: a real DCSA PINT receiver behind the JDK's HTTP server, so what
 * the gateway sends on is checked as strictly as the gateway checks what it receives.
 */
public final class PintPlatformStub implements AutoCloseable {

    private static final Pattern DOCUMENT = Pattern.compile(".*/envelopes/([^/]+)/additional-documents/([0-9a-f]+)");
    private static final Pattern FINISH = Pattern.compile(".*/envelopes/([^/]+)/finish-transfer");

    private final HttpServer server;

    public PintPlatformStub(PintReceiver receiver) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/pint/v3/", exchange -> {
            try (exchange) {
                reply(exchange, answer(receiver, exchange));
            }
        });
        server.start();
    }

    /** The base URL a partner entry of endpoint type {@code pint} names. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pint/v3");
    }

    private static PintAnswer answer(PintReceiver receiver, HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        Matcher document = DOCUMENT.matcher(path);
        Matcher finish = FINISH.matcher(path);
        if (path.endsWith("/envelopes")) {
            return receiver.start(body);
        }
        if (document.matches()) {
            return receiver.additionalDocument(document.group(1), document.group(2), body);
        }
        if (finish.matches()) {
            return receiver.finish(finish.group(1));
        }
        return new PintAnswer(404, null, null, "unknown path " + path);
    }

    private static void reply(HttpExchange exchange, PintAnswer answer) throws IOException {
        byte[] out = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
