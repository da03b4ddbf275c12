package io.silkgate.schemas.validation;

import com.helger.phive.peppol.PeppolValidation2026_05;

/** Format {@code peppol-bis3}: UBL Invoice and CreditNote under Peppol BIS Billing 3.0, release 2026.5. */
public final class PeppolBis3RuleSet extends PhiveRuleSet {

    public PeppolBis3RuleSet() {
        super("peppol-bis3", ubl(PeppolValidation2026_05.VID_OPENPEPPOL_INVOICE_UBL_V3,
                PeppolValidation2026_05.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3));
    }
}
