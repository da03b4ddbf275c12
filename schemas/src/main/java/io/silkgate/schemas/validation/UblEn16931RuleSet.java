package io.silkgate.schemas.validation;

import com.helger.phive.en16931.EN16931Validation;

/** Format {@code ubl}: UBL 2.1 Invoice and CreditNote checked against the EN 16931 UBL rules 1.3.16. */
public final class UblEn16931RuleSet extends PhiveRuleSet {

    public UblEn16931RuleSet() {
        super("ubl", ubl(EN16931Validation.VID_UBL_INVOICE_1316, EN16931Validation.VID_UBL_CREDIT_NOTE_1316));
    }
}
