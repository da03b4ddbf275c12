package io.silkgate.routes;

import io.silkgate.schemas.DocumentFacts;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.UblFacts;
import io.silkgate.verify.TrustAnchors;
import io.silkgate.verify.TrustStore;
import io.silkgate.verify.VerificationResult;
import io.silkgate.verify.XmlSignatureVerifier;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.w3c.dom.Element;

/**
 * Verify step: every signature on the original bytes, with the trust anchors of the issuing party's country.
 * The business facts are read from the element the verifier dereferenced, so an unsigned look-alike elsewhere in
 * the tree can never be routed.
 */
public final class SignatureCheck implements Processor {

    private final XmlSignatureVerifier verifier;
    private final Supplier<TrustStore> trust;
    private final Clock clock;

    /** @param trust the current trust store (an operator may reload it while the gateway runs) */
    public SignatureCheck(XmlSignatureVerifier verifier, Supplier<TrustStore> trust, Clock clock) {
        this.verifier = verifier;
        this.trust = trust;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        IntakeContext ctx = exchange.getProperty(IntakeContext.PROPERTY, IntakeContext.class);
        VerificationResult result = verifier.verify(ctx.document(), this::anchorsFor, clock.instant());
        if (!result.ok()) {
            throw new DocumentRejectedException(result.firstFailure(), result.errors().get(0).message(),
                    result.errors());
        }
        DocumentFacts facts = UblFacts.read(ctx.format(), result.signedElement());
        ctx.verified(result, facts);
    }

    private TrustAnchors anchorsFor(Element signed, X509Certificate signer) {
        String country = UblFacts.read("ubl", signed).sellerCountry();
        if (country == null) {
            country = certificateCountry(signer);
        }
        return country == null ? TrustAnchors.empty() : trust.get().forCountry(country).orElse(TrustAnchors.empty());
    }

    private static String certificateCountry(X509Certificate cert) {
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if ("C".equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString().toUpperCase(Locale.ROOT);
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }
}
