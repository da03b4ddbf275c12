package io.silkgate.pint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The business rules a transport document inside a PINT envelope must pass; each problem becomes part of a BENV
 * reason. The bill-of-lading rules are plugged in here when the gateway is wired.
 */
@FunctionalInterface
public interface TransportDocumentCheck {

    /** No rules: only what the PINT chain itself guarantees. */
    TransportDocumentCheck NONE = td -> List.of();

    /** The problems of this transport document; empty when it passes. */
    List<String> problems(JsonNode transportDocument);
}
