package io.silkgate.schemas.ubl;

import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.ProcessControl;
import io.silkgate.schemas.en16931.SingaporeGst;
import java.util.List;

/**
 * A UBL 2.1 profile the gateway writes: its format id, the BT-24 / BT-23 it puts in CustomizationID / ProfileID, and
 * the tax scheme ids its rules expect (Singapore's PINT calls VAT "GST").
 */
public record UblProfile(
        String formatId,
        String customizationId,
        String profileId,
        String vatSchemeId,
        String taxRegistrationSchemeId) {

    /** Plain EN 16931 (CEN/TS 16931-3-2). */
    public static final UblProfile EN16931 =
            new UblProfile("ubl", "urn:cen.eu:en16931:2017", null, "VAT", "FC");
    /** Peppol BIS Billing 3.0. */
    public static final UblProfile PEPPOL_BIS3 = new UblProfile("peppol-bis3",
            "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0",
            "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0", "VAT", "FC");
    /** Peppol PINT Singapore (InvoiceNow). */
    public static final UblProfile PINT_SG =
            new UblProfile("pint-sg", "urn:peppol:pint:billing-1@sg-1", "urn:peppol:bis:billing", "GST", "TAX");
    /** Peppol PINT Malaysia: the SST number is the VAT-type id, the TIN a tax registration. */
    public static final UblProfile PINT_MY =
            new UblProfile("pint-my", "urn:peppol:pint:billing-1@my-1", "urn:peppol:bis:billing", "VAT", "GST");
    /** Peppol PINT United Arab Emirates. */
    public static final UblProfile PINT_AE =
            new UblProfile("pint-ae", "urn:peppol:pint:billing-1@ae-1", "urn:peppol:bis:billing", "VAT", "TAX");

    /** Every profile, plain EN 16931 first. */
    public static final List<UblProfile> ALL = List.of(EN16931, PEPPOL_BIS3, PINT_SG, PINT_MY, PINT_AE);

    /**
     * The invoice with this profile's BT-23 / BT-24 (and, for PINT SG, GST categories — {@link SingaporeGst}). Plain EN 16931 keeps any EN 16931 CIUS or extension the invoice
     * already claims (its BT-24 starts with the EN 16931 identifier) and otherwise claims EN 16931 itself.
     */
    public Invoice prepare(Invoice invoice) {
        Invoice taxed = SingaporeGst.FORMAT.equals(formatId) ? SingaporeGst.toPintSg(invoice) : invoice;
        return withProcessControl(taxed);
    }

    private Invoice withProcessControl(Invoice invoice) {
        ProcessControl current = invoice.processControl();
        if (profileId == null) {
            String spec = current == null ? null : current.specificationIdentifier();
            if (spec != null && spec.startsWith(customizationId)) {
                return invoice;
            }
            String process = current == null ? null : current.businessProcessType();
            return invoice.withProcessControl(new ProcessControl(process, customizationId));
        }
        ProcessControl wanted = new ProcessControl(profileId, customizationId);
        return wanted.equals(current) ? invoice : invoice.withProcessControl(wanted);
    }
}
