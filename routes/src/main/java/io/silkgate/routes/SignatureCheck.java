package io.silkgate.routes;

import io.silkgate.schemas.DocumentFacts;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceFacts;
import io.silkgate.schemas.en16931.InvoiceFormat;
import io.silkgate.schemas.en16931.InvoiceFormats;
import io.silkgate.verify.TrustAnchors;
import io.silkgate.verify.TrustStore;
import io.silkgate.verify.VerificationResult;
import io.silkgate.verify.XmlSignatureVerifier;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.w3c.dom.Element;

/**
 * Verify step: every signature on the original bytes, with the trust anchors of the issuing party's country.
 * The invoice (and so its business facts) is read from the element the verifier dereferenced, so an unsigned
 * look-alike elsewhere in the tree can never be routed.
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
        InvoiceFormat format = InvoiceFormats.byId(ctx.format()).filter(InvoiceFormat::canRead).orElseThrow(() ->
                new DocumentRejectedException(ErrorCode.UNKNOWN_FORMAT, "format " + ctx.format() + " cannot be read"));
        // the verifier may ask for anchors more than once; read each signed element only once
        Map<Element, Invoice> read = new IdentityHashMap<>();
        VerificationResult result = verifier.verify(ctx.document(),
                (signed, signer) -> anchorsFor(read.computeIfAbsent(signed, format::read), signer), clock.instant());
        if (!result.ok()) {
            throw new DocumentRejectedException(result.firstFailure(), result.errors().get(0).message(),
                    result.errors());
        }
        Invoice invoice = read.computeIfAbsent(result.signedElement(), format::read);
        DocumentFacts facts = InvoiceFacts.of(ctx.format(), invoice);
        ctx.verified(result, facts, invoice);
    }

    private TrustAnchors anchorsFor(Invoice invoice, X509Certificate signer) {
        String country = InvoiceFacts.of("", invoice).sellerCountry();
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
