package io.silkgate.gateway;

import io.silkgate.gateway.config.Partner;
import io.silkgate.gateway.config.RoutingRule;
import io.silkgate.routes.Destination;
import io.silkgate.routes.DestinationResolver;
import io.silkgate.routes.DocumentTranslator;
import io.silkgate.schemas.DocumentFacts;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.FormatCatalogue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chooses destinations from {@code silkgate.yaml}: the partners named in {@code Silkgate-Destination}, otherwise
 * every routing rule that matches the document, and only partners whose format this build can produce.
 */
final class ConfiguredDestinations implements DestinationResolver {

    private final Map<String, Partner> partners;
    private final List<RoutingRule> rules;
    private final DocumentTranslator translator;

    ConfiguredDestinations(List<Partner> partners, List<RoutingRule> rules, DocumentTranslator translator) {
        this.partners = partners.stream().collect(Collectors.toMap(Partner::id, Function.identity()));
        this.rules = List.copyOf(rules);
        this.translator = translator;
    }

    @Override
    public List<Destination> resolve(DocumentFacts facts, List<String> requested) {
        Set<String> chosen = new LinkedHashSet<>();
        if (!requested.isEmpty()) {
            for (String id : requested) {
                if (!partners.containsKey(id)) {
                    throw new DocumentRejectedException(ErrorCode.NO_ROUTE, "unknown destination partner: " + id);
                }
                chosen.add(id);
            }
        } else {
            String family = FormatCatalogue.require(facts.format()).family().id();
            for (RoutingRule r : rules) {
                if (matches(r.family(), family) && matches(r.buyerCountry(), facts.buyerCountry())
                        && matches(r.sellerCountry(), facts.sellerCountry()) && matches(r.format(), facts.format())) {
                    chosen.addAll(r.to());
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new DocumentRejectedException(ErrorCode.NO_ROUTE, "no routing rule matches this " + facts.format()
                    + " document (seller country " + facts.sellerCountry() + ", buyer country "
                    + facts.buyerCountry() + ") and no Silkgate-Destination was given");
        }
        return chosen.stream().map(id -> {
            Partner p = partners.get(id);
            translator.requireTranslation(facts.format(), p.format(), id);
            return new Destination(id, p.format());
        }).toList();
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(actual);
    }
}
