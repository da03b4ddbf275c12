package io.silkgate.routes;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Authorise step: a configured submitter may only submit documents issued by one of the parties it represents
 * (matched against the identifiers of the issuing party in the verified document).
 */
public final class SubmitterAuthorization implements Processor {

    private final Map<String, Set<String>> partiesBySubmitter;

    /** @param partiesBySubmitter the parties of every configured submitter; a submitter not in it may submit for any */
    public SubmitterAuthorization(Map<String, Set<String>> partiesBySubmitter) {
        this.partiesBySubmitter = Map.copyOf(partiesBySubmitter);
    }

    @Override
    public void process(Exchange exchange) {
        IntakeContext ctx = exchange.getProperty(IntakeContext.PROPERTY, IntakeContext.class);
        Set<String> allowed = partiesBySubmitter.get(ctx.submission().submitter());
        if (allowed == null) {
            return;
        }
        List<String> issuer = ctx.facts().issuerParties();
        if (issuer.stream().noneMatch(allowed::contains)) {
            throw new DocumentRejectedException(ErrorCode.FORBIDDEN, "submitter " + ctx.submission().submitter()
                    + " may not submit for the issuing party " + (issuer.isEmpty() ? "(no identifier)" : issuer)
                    + "; it represents " + allowed);
        }
    }
}
