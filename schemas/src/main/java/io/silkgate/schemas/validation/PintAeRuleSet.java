package io.silkgate.schemas.validation;

import com.helger.phive.peppol.PeppolValidationPintAE;

/** Format {@code pint-ae}: UBL Invoice and CreditNote under Peppol PINT UAE, release 2026.5. */
public final class PintAeRuleSet extends PhiveRuleSet {

    public PintAeRuleSet() {
        super("pint-ae", ubl(PeppolValidationPintAE.VID_OPENPEPPOL_AE_PINT_INVOICE_2026_05,
                PeppolValidationPintAE.VID_OPENPEPPOL_AE_PINT_CREDIT_NOTE_2026_05));
    }
}
