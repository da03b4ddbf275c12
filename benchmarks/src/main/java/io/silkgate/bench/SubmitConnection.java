package io.silkgate.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One load client's keep-alive HTTP/1.1 connection to the gateway: a blocking POST and its answer, nothing else.
 * The JDK's {@code HttpClient} hands every request between the caller, its selector thread and its worker pool;
 * on a two-core machine that bookkeeping took CPU the gateway under test needed, so the load run's own clients
 * use this plain socket (as load tools written in C do). Not thread-safe: one per client thread.
 */
final class SubmitConnection implements AutoCloseable {

    /** A status code and the body as text. */
    record Answer(int status, String body) {
    }

    private static final int TIMEOUT_MILLIS = 60_000;

    private final URI base;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    SubmitConnection(URI base) {
        this.base = base;
    }

    /** POSTs the body to the path; reconnects once when the server had closed the idle connection. */
    Answer post(String path, String contentType, byte[] body) throws IOException {
        boolean fresh = socket == null;
        try {
            return exchange(path, contentType, body);
        } catch (IOException e) {
            close();
            if (fresh) {
                throw e;
            }
            return exchange(path, contentType, body);
        }
    }

    private Answer exchange(String path, String contentType, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), TIMEOUT_MILLIS);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        out.write(request);
        out.flush();
        return readAnswer();
    }

    private Answer readAnswer() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] content;
        if (chunked) {
            content = chunkedBody();
        } else if (length >= 0) {
            content = in.readNBytes((int) length);
            if (content.length != length) {
                throw new EOFException("the answer ended after " + content.length + " of " + length + " bytes");
            }
        } else {
            content = in.readAllBytes();
            closes = true;
        }
        if (closes) {
            close();
        }
        return new Answer(status, new String(content, StandardCharsets.UTF_8));
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers: none are used
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size) {
                throw new EOFException("a chunk ended early");
            }
            body.write(chunk);
            line();
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed mid-answer");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
            socket = null;
        }
    }
}
