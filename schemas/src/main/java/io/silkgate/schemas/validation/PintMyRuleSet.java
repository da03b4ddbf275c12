package io.silkgate.schemas.validation;

import com.helger.phive.peppol.PeppolValidationPintMY;

/** Format {@code pint-my}: UBL Invoice and CreditNote under Peppol PINT Malaysia 1.3.0. */
public final class PintMyRuleSet extends PhiveRuleSet {

    public PintMyRuleSet() {
        super("pint-my", ubl(PeppolValidationPintMY.VID_OPENPEPPOL_MY_PINT_UBL_INVOICE_1_3_0,
                PeppolValidationPintMY.VID_OPENPEPPOL_MY_PINT_UBL_CREDIT_NOTE_1_3_0));
    }
}
