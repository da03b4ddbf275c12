package io.silkgate.routes;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.verify.SignatureReport;
import io.silkgate.verify.SignerRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Authorise step for signers: a trusted certificate may only issue documents for the parties configured for its
 * subject ({@code signers:}) — an invoice's seller, a bill of lading's carrier. Without any rule every trusted signer
 * may issue for any party.
 */
public final class SignerAuthorization implements Processor {

    private final SignerRules rules;

    /** @param partiesBySubject configured subject DN → the parties ({@code scheme:identifier}) it may issue for */
    public SignerAuthorization(Map<String, Set<String>> partiesBySubject) {
        this(new SignerRules(partiesBySubject));
    }

    public SignerAuthorization(SignerRules rules) {
        this.rules = rules;
    }

    @Override
    public void process(Exchange exchange) {
        if (rules.isEmpty()) {
            return;
        }
        IntakeContext ctx = exchange.getProperty(IntakeContext.PROPERTY, IntakeContext.class);
        List<String> issuer = ctx.facts().issuerParties();
        for (SignatureReport signature : ctx.verification().signatures()) {
            if (!signature.role().issues()) {
                continue; // a countersignature (buyer, tax authority) does not issue the document
            }
            String refusal = rules.refusal(signature.signer(), issuer);
            if (refusal != null) {
                throw new DocumentRejectedException(ErrorCode.SIGNER_NOT_AUTHORIZED, refusal);
            }
        }
    }
}
