package io.silkgate.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.schemas.DocumentFacts;
import io.silkgate.schemas.SecureJson;
import io.silkgate.schemas.bol.TransportDocumentFacts;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceFacts;
import io.silkgate.schemas.en16931.InvoiceFormat;
import io.silkgate.schemas.en16931.InvoiceFormats;
import io.silkgate.verify.CertificatePathValidator;
import io.silkgate.verify.CmsSignatureVerifier;
import io.silkgate.verify.JwsSignatureVerifier;
import io.silkgate.verify.TaxBureauSignatureVerifier;
import io.silkgate.verify.TrustAnchors;
import io.silkgate.verify.TrustStore;
import io.silkgate.verify.VerificationResult;
import io.silkgate.verify.XmlSignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.xml.crypto.dsig.XMLSignature;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.w3c.dom.Element;

/**
 * Verify step: every signature on the original bytes, with the trust anchors of the issuing party's country: the
 * enveloped XML signature, or the detached CMS signature submitted beside the document, or — for a fapiao without an
 * XML signature — the Chinese tax bureau's SM2 signature, or the JWS of a JSON bill of lading.
 * The invoice (and so its business facts) is read from the element the verifier dereferenced, so an unsigned
 * look-alike elsewhere in the tree can never be routed.
 */
public final class SignatureCheck implements Processor {

    private final XmlSignatureVerifier verifier;
    private final CmsSignatureVerifier cms;
    private final TaxBureauSignatureVerifier taxBureau;
    private final JwsSignatureVerifier jws;
    private final Supplier<TrustStore> trust;
    private final Clock clock;

    /** @param trust the current trust store (an operator may reload it while the gateway runs) */
    public SignatureCheck(XmlSignatureVerifier verifier, Supplier<TrustStore> trust, Clock clock) {
        this(verifier, new CmsSignatureVerifier(), trust, clock);
    }

    /** @param cms verifies a detached CMS signature submitted beside the document */
    public SignatureCheck(XmlSignatureVerifier verifier, CmsSignatureVerifier cms, Supplier<TrustStore> trust,
                          Clock clock) {
        this(verifier, cms, new TaxBureauSignatureVerifier(new CertificatePathValidator()), trust, clock);
    }

    /** @param taxBureau verifies the Chinese tax bureau's SM2 signature of a fapiao that has no XML signature */
    public SignatureCheck(XmlSignatureVerifier verifier, CmsSignatureVerifier cms,
                          TaxBureauSignatureVerifier taxBureau, Supplier<TrustStore> trust, Clock clock) {
        this(verifier, cms, taxBureau, new JwsSignatureVerifier(new CertificatePathValidator()), trust, clock);
    }

    /** @param jws verifies the JWS of a JSON document (a bill of lading) */
    public SignatureCheck(XmlSignatureVerifier verifier, CmsSignatureVerifier cms,
                          TaxBureauSignatureVerifier taxBureau, JwsSignatureVerifier jws, Supplier<TrustStore> trust,
                          Clock clock) {
        this.jws = jws;
        this.verifier = verifier;
        this.cms = cms;
        this.taxBureau = taxBureau;
        this.trust = trust;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        IntakeContext ctx = exchange.getProperty(IntakeContext.PROPERTY, IntakeContext.class);
        if (ctx.json() != null) {
            verifyJws(ctx);
            return;
        }
        InvoiceFormat format = InvoiceFormats.byId(ctx.format()).filter(InvoiceFormat::canRead).orElseThrow(() ->
                new DocumentRejectedException(ErrorCode.UNKNOWN_FORMAT, "format " + ctx.format() + " cannot be read"));
        if (ctx.submission().detachedSignature() != null) {
            verifyDetached(ctx, format);
            return;
        }
        if (TaxBureauSignatureVerifier.present(ctx.document()) && ctx.document()
                .getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").getLength() == 0) {
            verifyTaxBureau(ctx, format);
            return;
        }
        // the verifier may ask for anchors more than once; read each signed element only once
        Map<Element, Invoice> read = new IdentityHashMap<>();
        VerificationResult result = verifier.verify(ctx.document(),
                (signed, signer) -> anchorsFor(read.computeIfAbsent(signed, format::read), signer), clock.instant());
        if (!result.ok()) {
            ctx.verificationFailed(result);
            throw new DocumentRejectedException(result.firstFailure(), result.errors().get(0).message(),
                    result.errors());
        }
        Invoice invoice = read.computeIfAbsent(result.signedElement(), format::read);
        DocumentFacts facts = InvoiceFacts.of(ctx.format(), invoice);
        ctx.verified(result, facts, invoice);
    }

    /**
     * A detached CMS signature covers the submitted bytes as a whole, so the invoice is read from the document
     * element; its seller's country chooses the anchors, which every signer of the CMS must chain to.
     */
    private void verifyDetached(IntakeContext ctx, InvoiceFormat format) {
        Invoice invoice = format.read(ctx.document().getDocumentElement());
        String country = InvoiceFacts.of("", invoice).sellerCountry();
        TrustAnchors anchors = country == null ? TrustAnchors.empty()
                : trust.get().forCountry(country).orElse(TrustAnchors.empty());
        VerificationResult result = cms.verifyDetached(ctx.submission().body(), ctx.submission().detachedSignature(),
                anchors, clock.instant());
        if (!result.ok()) {
            ctx.verificationFailed(result);
            ErrorCode code = result.firstFailure();
            String message = result.errors().isEmpty() ? "the CMS signature is not valid"
                    : result.errors().get(0).message();
            if (result.errors().isEmpty() && anchors.isEmpty()) {
                code = ErrorCode.CERTIFICATE_UNTRUSTED;
            }
            throw new DocumentRejectedException(code, message, result.errors());
        }
        ctx.verified(result, InvoiceFacts.of(ctx.format(), invoice), invoice);
    }

    /**
     * A bill of lading is signed with a JWS: the body itself ({@code application/jose}) or a detached JWS beside the
     * JSON. Its facts are read from the signed payload bytes. A carrier signs for offices in many countries, so the
     * trust entry is that of the signer certificate's country ({@code C}); which carrier it may sign for is the
     * {@code signers:} mapping's business.
     */
    private void verifyJws(IntakeContext ctx) {
        Submission s = ctx.submission();
        Function<X509Certificate, TrustAnchors> anchors = leaf -> {
            String country = certificateCountry(leaf);
            return country == null ? TrustAnchors.empty() : trust.get().forCountry(country).orElse(TrustAnchors.empty());
        };
        JwsSignatureVerifier.Outcome outcome;
        if (SignedJson.isJose(s.mediaType())) {
            outcome = jws.verifyAttached(new String(s.body(), StandardCharsets.US_ASCII), anchors, clock.instant());
        } else if (s.detachedSignature() != null) {
            outcome = jws.verifyDetached(s.body(), new String(s.detachedSignature(), StandardCharsets.US_ASCII),
                    anchors, clock.instant());
        } else {
            throw new DocumentRejectedException(ErrorCode.SIGNATURE_MISSING, "a " + ctx.format() + " document must be"
                    + " signed: send it as application/jose (a compact JWS whose payload is the document), or as"
                    + " multipart/form-data with the JSON in part 'document' and a detached JWS in part 'signature'");
        }
        VerificationResult result = outcome.result();
        if (!result.ok()) {
            ctx.verificationFailed(result);
            ErrorCode code = result.firstFailure();
            throw new DocumentRejectedException(code, result.errors().isEmpty() ? "the JWS is not valid"
                    : result.errors().get(0).message(), result.errors());
        }
        JsonNode signed = SecureJson.parse(outcome.payload());
        ctx.verifiedJson(result, TransportDocumentFacts.of(signed), signed);
    }

    /** A fapiao is issued and signed by the Chinese tax bureau: its certificate is in the CN trust entry. */
    private void verifyTaxBureau(IntakeContext ctx, InvoiceFormat format) {
        TrustAnchors anchors = trust.get().forCountry("CN").orElse(TrustAnchors.empty());
        VerificationResult result = taxBureau.verify(ctx.document(), anchors, clock.instant());
        if (!result.ok()) {
            ctx.verificationFailed(result);
            throw new DocumentRejectedException(result.firstFailure(), result.errors().get(0).message(),
                    result.errors());
        }
        Invoice invoice = format.read(result.signedElement());
        ctx.verified(result, InvoiceFacts.of(ctx.format(), invoice), invoice);
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
