package io.silkgate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.gateway.config.ConfigDefaults;
import io.silkgate.gateway.config.DuplicatePolicy;
import io.silkgate.gateway.config.Endpoint;
import io.silkgate.gateway.config.EndpointType;
import io.silkgate.gateway.config.Partner;
import io.silkgate.gateway.config.RoutingRule;
import io.silkgate.routes.Destination;
import io.silkgate.routes.DocumentTranslator;
import io.silkgate.schemas.DocumentFacts;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfiguredDestinationsTest {

    private static final DocumentFacts CN_TO_VN = new DocumentFacts("ubl", "invoice", "INV-1", "CN", "VN", List.of());

    private final ConfiguredDestinations destinations = new ConfiguredDestinations(
            List.of(partner("vn-customs", "ubl"), partner("vn-buyer", "ubl"), partner("cn-tax", "cn-fapiao")),
            List.of(new RoutingRule("invoice", "VN", null, null, List.of("vn-customs")),
                    new RoutingRule(null, null, "CN", "ubl", List.of("vn-customs", "vn-buyer")),
                    new RoutingRule("invoice", "SG", null, null, List.of("cn-tax"))),
            new DocumentTranslator(new io.silkgate.schemas.validation.InvoiceValidator()));

    @Test
    void everyMatchingRuleAddsItsPartnersOnce() {
        assertEquals(List.of(new Destination("vn-customs", "ubl"), new Destination("vn-buyer", "ubl")),
                destinations.resolve(CN_TO_VN, List.of()));
    }

    @Test
    void theDestinationHeaderOverridesTheRules() {
        assertEquals(List.of(new Destination("vn-buyer", "ubl")), destinations.resolve(CN_TO_VN, List.of("vn-buyer")));
    }

    @Test
    void anUnknownPartnerIsNoRoute() {
        var e = assertThrows(DocumentRejectedException.class, () -> destinations.resolve(CN_TO_VN, List.of("nobody")));
        assertEquals(ErrorCode.NO_ROUTE, e.code());
        assertTrue(e.getMessage().contains("nobody"));
    }

    @Test
    void noMatchingRuleIsNoRoute() {
        DocumentFacts deToFr = new DocumentFacts("ubl", "invoice", "INV-2", "DE", "FR", List.of());
        assertEquals(ErrorCode.NO_ROUTE,
                assertThrows(DocumentRejectedException.class, () -> destinations.resolve(deToFr, List.of())).code());
    }

    @Test
    void aPartnerWhoseFormatCannotBeProducedIsNoRoute() {
        var e = assertThrows(DocumentRejectedException.class, () -> destinations.resolve(CN_TO_VN, List.of("cn-tax")));
        assertEquals(ErrorCode.NO_ROUTE, e.code());
        assertTrue(e.getMessage().contains("cn-fapiao"), e.getMessage());
    }

    private static Partner partner(String id, String format) {
        return new Partner(id, "VN", format, new Endpoint(EndpointType.REST, URI.create("http://127.0.0.1:9/" + id)),
                DuplicatePolicy.REJECT, ConfigDefaults.DELIVERY);
    }
}
