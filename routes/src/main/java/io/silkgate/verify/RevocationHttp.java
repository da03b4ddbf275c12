package io.silkgate.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches OCSP answers and CRLs over plain http(s) with connect and read time-outs, no redirects and a size bound:
 * the gateway must not hang on, be redirected by, or be flooded by a certificate authority's server.
 */
class RevocationHttp {

    /** POSTs {@code body} and returns the answer; an IOException says why there is none. */
    byte[] post(URI url, String contentType, byte[] body, String accept, Duration timeout, int maxBytes)
            throws IOException {
        HttpURLConnection connection = open(url, timeout);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", contentType);
        connection.setRequestProperty("Accept", accept);
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        return answer(connection, url, maxBytes);
    }

    byte[] get(URI url, Duration timeout, int maxBytes) throws IOException {
        HttpURLConnection connection = open(url, timeout);
        connection.setRequestMethod("GET");
        return answer(connection, url, maxBytes);
    }

    private static HttpURLConnection open(URI url, Duration timeout) throws IOException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IOException("not an http(s) URL: " + url);
        }
        URLConnection plain = url.toURL().openConnection();
        HttpURLConnection connection = (HttpURLConnection) plain;
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        connection.setConnectTimeout(millis);
        connection.setReadTimeout(millis);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        return connection;
    }

    private static byte[] answer(HttpURLConnection connection, URI url, int maxBytes) throws IOException {
        try {
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IOException(url + " answered HTTP " + status);
            }
            long length = connection.getContentLengthLong();
            if (length > maxBytes) {
                throw new IOException(url + " answered " + length + " bytes; at most " + maxBytes + " are read");
            }
            try (InputStream in = connection.getInputStream()) {
                byte[] bytes = in.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new IOException(url + " answered more than " + maxBytes + " bytes");
                }
                return bytes;
            }
        } finally {
            connection.disconnect();
        }
    }
}
