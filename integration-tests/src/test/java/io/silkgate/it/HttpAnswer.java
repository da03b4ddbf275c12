package io.silkgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** What the gateway answered to one HTTP call: status, headers and the raw body. */
record HttpAnswer(int status, HttpHeaders headers, byte[] body) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The body parsed as JSON; fails with the raw text if it is not JSON. */
    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (HTTP " + status + "): " + text(), e);
        }
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The Content-Type header without parameters, or "" if absent. */
    String mediaType() {
        String value = headers.firstValue("Content-Type").orElse("");
        int semi = value.indexOf(';');
        return (semi < 0 ? value : value.substring(0, semi)).trim();
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + headers.map() + "\n" + text();
    }
}
