package io.silkgate.schemas.validation;

import com.helger.phive.peppol.PeppolValidationPintSG;

/** Format {@code pint-sg}: UBL Invoice and CreditNote under Peppol PINT Singapore 1.4.0. */
public final class PintSgRuleSet extends PhiveRuleSet {

    public PintSgRuleSet() {
        super("pint-sg", ubl(PeppolValidationPintSG.VID_OPENPEPPOL_SG_PINT_UBL_INVOICE_1_4_0,
                PeppolValidationPintSG.VID_OPENPEPPOL_SG_PINT_UBL_CREDIT_NOTE_1_4_0));
    }
}
