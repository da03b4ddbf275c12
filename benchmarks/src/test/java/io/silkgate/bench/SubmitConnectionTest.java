package io.silkgate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The load run's own HTTP client against a scripted server: framing, keep-alive and a closed idle connection. */
class SubmitConnectionTest {

    @Test
    void readsLengthAndChunkedAnswersOnOneConnectionAndReconnectsAfterAClose() throws Exception {
        List<String> answers = List.of(
                "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"id\":\"a\"}\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"id\r\n6;x=1\r\n\":\"b\"}\r\n0\r\n\r\n",
                "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 4\r\n\r\nbusy",
                "HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\nok");
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<Integer> connections = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> serve(server, answers, bodies, connections));
            serving.setDaemon(true);
            serving.start();
            URI base = URI.create("http://127.0.0.1:" + server.getLocalPort());
            try (SubmitConnection c = new SubmitConnection(base)) {
                byte[] body = "<x/>".getBytes(StandardCharsets.UTF_8);
                assertEquals(new SubmitConnection.Answer(202, "{\"id\":\"a\"}\n"), c.post("/d", "application/xml", body));
                assertEquals(new SubmitConnection.Answer(200, "{\"id\":\"b\"}"), c.post("/d", "application/xml", body));
                assertEquals(new SubmitConnection.Answer(503, "busy"), c.post("/d", "application/xml", body));
                assertEquals(new SubmitConnection.Answer(202, "ok"), c.post("/d", "application/xml", body));
            }
            serving.join(5000);
        }
        assertEquals(List.of("<x/>", "<x/>", "<x/>", "<x/>"), bodies);
        assertEquals(List.of(3, 1), connections, "three answers on the first connection, one after it was closed");
    }

    /** Answers the scripted responses in order, keeping each connection until an answer says close. */
    private static void serve(ServerSocket server, List<String> answers, List<String> bodies,
            List<Integer> connections) {
        int next = 0;
        try {
            while (next < answers.size()) {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    int onThis = 0;
                    boolean open = true;
                    while (open && next < answers.size()) {
                        bodies.add(readRequestBody(in));
                        String answer = answers.get(next++);
                        out.write(answer.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        onThis++;
                        open = !answer.contains("Connection: close");
                    }
                    connections.add(onThis);
                }
            }
        } catch (Exception e) {
            bodies.add("server failed: " + e);
        }
    }

    private static String readRequestBody(InputStream in) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertTrue(b >= 0, "the client closed before its request ended");
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int at = headers.indexOf("Content-Length: ") + "Content-Length: ".length();
        int length = Integer.parseInt(headers.substring(at, headers.indexOf("\r\n", at)));
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
