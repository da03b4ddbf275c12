package io.silkgate.verify;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Per-country trust: which anchors verify signers of documents issued in that country. */
public final class TrustStore {

    private final Map<String, TrustAnchors> byCountry;
    private final TrustAnchors all;

    public TrustStore(Map<String, TrustAnchors> byCountry) {
        Map<String, TrustAnchors> copy = new TreeMap<>();
        byCountry.forEach((country, anchors) -> copy.merge(normalise(country), anchors, TrustAnchors::plus));
        this.byCountry = Collections.unmodifiableMap(copy);
        TrustAnchors union = TrustAnchors.empty();
        for (TrustAnchors anchors : copy.values()) {
            union = union.plus(anchors);
        }
        this.all = union;
    }

    /** The anchors configured for a country (ISO 3166-1 alpha-2, any case). */
    public Optional<TrustAnchors> forCountry(String iso2) {
        if (iso2 == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byCountry.get(normalise(iso2)));
    }

    /** Every anchor of every country, for callers that cannot tell the issuing country. */
    public TrustAnchors all() {
        return all;
    }

    public Set<String> countries() {
        return byCountry.keySet();
    }

    private static String normalise(String country) {
        return country.trim().toUpperCase(Locale.ROOT);
    }
}
