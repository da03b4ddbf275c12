package io.silkgate.gateway.http;

import io.silkgate.schemas.ErrorCode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.cxf.transport.http_undertow.CXFUndertowHttpHandler;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.StreamSourceConduit;

/**
 * The first handler of every request, before CXF: refuses a declared body beyond any limit of the gateway with
 * {@code 413} unread, and cuts off a request whose body has not fully arrived within the request time-out — a
 * client that trickles its upload (or announces more bytes than it sends) would otherwise hold a worker thread
 * for as long as it likes. The connection is then closed; nothing of the request is processed.
 */
final class RequestLimits implements CXFUndertowHttpHandler {

    private final Duration timeout;
    private final long maxBodyBytes;
    private HttpHandler next;

    /** @param maxBodyBytes the backstop above every per-resource limit (those answer with their own rejection) */
    RequestLimits(Duration timeout, long maxBodyBytes) {
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void setNext(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.getRequestContentLength() > maxBodyBytes) {
            exchange.setPersistent(false);
            exchange.setStatusCode(413);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, Problems.MEDIA_TYPE);
            exchange.getResponseSender().send((String) Problems.of(ErrorCode.PAYLOAD_TOO_LARGE,
                    "requests are limited to " + maxBodyBytes + " bytes").getEntity());
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        exchange.addRequestWrapper((factory, ex) -> new LimitedConduit(factory.create(), deadline, ex, timeout,
                maxBodyBytes));
        next.handleRequest(exchange);
    }

    /**
     * The request body's source, which refuses to wait or read past the deadline, or more than the byte budget
     * (a chunked body declares no length, so it is counted as it arrives).
     */
    private static final class LimitedConduit extends AbstractStreamSourceConduit<StreamSourceConduit> {

        private final long deadline;
        private final HttpServerExchange exchange;
        private final Duration timeout;
        private final long maxBytes;
        private long read;

        LimitedConduit(StreamSourceConduit next, long deadline, HttpServerExchange exchange, Duration timeout,
                long maxBytes) {
            super(next);
            this.deadline = deadline;
            this.exchange = exchange;
            this.timeout = timeout;
            this.maxBytes = maxBytes;
        }

        private long remaining() throws IOException {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw cutOff("the request did not arrive within " + timeout.toSeconds() + " s");
            }
            return left;
        }

        private <T extends Number> T counted(T n) throws IOException {
            read += Math.max(0, n.longValue());
            if (read > maxBytes) {
                throw cutOff("the request body is larger than " + maxBytes + " bytes");
            }
            return n;
        }

        private IOException cutOff(String why) {
            exchange.setPersistent(false);
            IoUtils.safeClose(exchange.getConnection());
            return new IOException(why + "; connection closed");
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            remaining();
            return counted(next.read(dst));
        }

        @Override
        public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
            remaining();
            return counted(next.read(dsts, offs, len));
        }

        @Override
        public long transferTo(long position, long count, FileChannel target) throws IOException {
            remaining();
            return counted(next.transferTo(position, count, target));
        }

        @Override
        public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
            remaining();
            return counted(next.transferTo(count, throughBuffer, target));
        }

        @Override
        public void awaitReadable() throws IOException {
            next.awaitReadable(remaining(), TimeUnit.NANOSECONDS);
        }

        @Override
        public void awaitReadable(long time, TimeUnit unit) throws IOException {
            next.awaitReadable(Math.min(unit.toNanos(time), remaining()), TimeUnit.NANOSECONDS);
        }
    }
}
