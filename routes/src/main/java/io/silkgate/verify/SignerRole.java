package io.silkgate.verify;

/**
 * Why a signature is on a document. The issuer's signature is the one the document stands on (and the one whose
 * signer must be authorised for the issuing party); a Vietnamese HDon may also carry the buyer's and the tax
 * authority's countersignatures, which are verified just as strictly but authorise nothing.
 */
public enum SignerRole {
    ISSUER("issuer"),
    SELLER("seller"),
    BUYER("buyer"),
    TAX_AUTHORITY("tax-authority");

    private final String json;

    SignerRole(String json) {
        this.json = json;
    }

    /** The value of {@code "role"} in the verify report. */
    public String json() {
        return json;
    }

    /** True for the signature of whoever issued the document (not a countersignature). */
    public boolean issues() {
        return this == ISSUER || this == SELLER;
    }
}
