package io.silkgate.gateway.config;

/**
 * Who may read {@code GET /metrics} ({@code gateway.metrics}).
 *
 * @param open  anyone may
 * @param token the SHA-256 of the scrape token of {@code token-file} ({@code Authorization: Bearer <token>},
 *              as Prometheus sends it with {@code authorization.credentials_file}); null: none. When not open,
 *              the token or any configured submitter's credentials let a scraper in.
 */
public record MetricsAccess(boolean open, ApiKeyHash token) {

    public static final MetricsAccess OPEN = new MetricsAccess(true, null);

    /** Only the token, or a configured submitter. */
    public static MetricsAccess authenticated(ApiKeyHash token) {
        return new MetricsAccess(false, token);
    }
}
