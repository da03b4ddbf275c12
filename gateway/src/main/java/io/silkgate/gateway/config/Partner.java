package io.silkgate.gateway.config;

import java.util.Objects;

/**
 * A destination of documents; its id names its queue {@code silkgate.out.<id>} and its MBean.
 *
 * @param country ISO 3166 alpha-2 code of the partner, upper case
 * @param format  the contract format id this partner receives
 * @param retry   the partner's retry policy; fields it does not set come from {@code gateway.delivery}
 * @param jwsEnvelope a JSON format is delivered as a compact JWS signed by the gateway ({@code application/jose})
 *                    instead of the plain JSON ({@code json-signature: jws})
 */
public record Partner(String id, String country, String format, Endpoint endpoint,
                      DuplicatePolicy duplicates, RetryPolicy retry, boolean jwsEnvelope) {

    /** A partner that receives JSON formats as plain JSON (with the detached JWS header). */
    public Partner(String id, String country, String format, Endpoint endpoint, DuplicatePolicy duplicates,
                   RetryPolicy retry) {
        this(id, country, format, endpoint, duplicates, retry, false);
    }

    public Partner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(duplicates, "duplicates");
        Objects.requireNonNull(retry, "retry");
    }
}
