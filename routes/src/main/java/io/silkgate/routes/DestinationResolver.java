package io.silkgate.routes;

import io.silkgate.schemas.DocumentFacts;
import java.util.List;

/** Decides where an accepted document goes: the partners the submitter named, or the routing rules. */
@FunctionalInterface
public interface DestinationResolver {

    /** The destinations; throws a NO_ROUTE rejection when there is none or a named partner is unknown. */
    List<Destination> resolve(DocumentFacts facts, List<String> requestedPartners);
}
