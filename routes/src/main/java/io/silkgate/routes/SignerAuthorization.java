package io.silkgate.routes;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.verify.SignatureReport;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Authorise step for signers: a trusted certificate may only issue documents for the parties configured for its
 * subject ({@code signers:}). Without any rule every trusted signer may issue for any party.
 */
public final class SignerAuthorization implements Processor {

    private final Map<X500Principal, Set<String>> partiesBySigner;

    /** @param partiesBySubject configured subject DN → the parties ({@code scheme:identifier}) it may issue for */
    public SignerAuthorization(Map<String, Set<String>> partiesBySubject) {
        Map<X500Principal, Set<String>> rules = new java.util.HashMap<>();
        partiesBySubject.forEach((subject, parties) ->
                rules.computeIfAbsent(new X500Principal(subject), s -> new HashSet<>()).addAll(parties));
        this.partiesBySigner = Map.copyOf(rules);
    }

    @Override
    public void process(Exchange exchange) {
        if (partiesBySigner.isEmpty()) {
            return;
        }
        IntakeContext ctx = exchange.getProperty(IntakeContext.PROPERTY, IntakeContext.class);
        List<String> issuer = ctx.facts().issuerParties();
        for (SignatureReport signature : ctx.verification().signatures()) {
            if (!signature.role().issues()) {
                continue; // a countersignature (buyer, tax authority) does not issue the document
            }
            X500Principal signer = new X500Principal(signature.signer());
            Set<String> allowed = partiesBySigner.get(signer);
            if (allowed == null) {
                throw new DocumentRejectedException(ErrorCode.SIGNER_NOT_AUTHORIZED, "signer " + signature.signer()
                        + " is trusted but not configured to issue documents for any party");
            }
            if (issuer.stream().noneMatch(allowed::contains)) {
                throw new DocumentRejectedException(ErrorCode.SIGNER_NOT_AUTHORIZED, "signer " + signature.signer()
                        + " may not issue for the issuing party " + (issuer.isEmpty() ? "(no identifier)" : issuer)
                        + "; it may issue for " + new java.util.TreeSet<>(allowed));
            }
        }
    }
}
