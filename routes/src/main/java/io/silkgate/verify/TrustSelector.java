package io.silkgate.verify;

import java.security.cert.X509Certificate;
import org.w3c.dom.Element;

/** Chooses the anchors for a signature once its signature value is known good (e.g. by the issuing party's country). */
@FunctionalInterface
public interface TrustSelector {

    /** The anchors that may vouch for this signer of this element; empty (or null) means none are configured. */
    TrustAnchors anchorsFor(Element signedElement, X509Certificate signer);
}
