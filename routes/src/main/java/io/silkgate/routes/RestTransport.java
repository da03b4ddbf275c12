package io.silkgate.routes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Delivers to a partner endpoint of type {@code rest} (CONTRACT.md §6): any 2xx is an acknowledgement. */
public final class RestTransport implements PartnerTransport {

    private static final int MAX_ERROR_TEXT = 200;

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    public RestTransport(URI url, Duration timeout, HttpClient http) {
        this.url = url;
        this.timeout = timeout;
        this.http = http;
    }

    @Override
    public void send(OutboundDocument doc) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", doc.mediaType())
                .header("Silkgate-Document-Id", doc.documentId())
                .header("Silkgate-Format", doc.targetFormat())
                .header("Silkgate-Source-Format", doc.sourceFormat())
                .header("Silkgate-Signature", doc.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(doc.body()));
        if (!doc.droppedTerms().isEmpty()) {
            // a lossy conversion is visible to the partner, not only in our ledger
            builder.header("Silkgate-Dropped-Terms", String.join(",", doc.droppedTerms()));
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryFailedException(url + " unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted while sending to " + url);
        }
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body().strip();
            throw new DeliveryFailedException(url + " answered " + response.statusCode()
                    + (answer.isEmpty() ? "" : ": " + answer.substring(0, Math.min(MAX_ERROR_TEXT, answer.length()))));
        }
    }
}
