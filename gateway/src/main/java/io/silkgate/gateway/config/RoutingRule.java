package io.silkgate.gateway.config;

import java.util.List;

/**
 * Sends accepted documents that match every non-null criterion to the listed partners.
 *
 * @param family        {@code invoice} or {@code bill-of-lading}; null matches both
 * @param buyerCountry  ISO 3166 alpha-2 code; null matches any
 * @param sellerCountry ISO 3166 alpha-2 code; null matches any
 * @param format        the submitted document's format id; null matches any
 * @param to            partner ids, at least one
 */
public record RoutingRule(String family, String buyerCountry, String sellerCountry, String format, List<String> to) {

    public RoutingRule {
        to = List.copyOf(to);
    }
}
