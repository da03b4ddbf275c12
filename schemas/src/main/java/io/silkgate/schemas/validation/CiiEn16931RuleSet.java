package io.silkgate.schemas.validation;

import com.helger.phive.en16931.EN16931Validation;
import java.util.Map;

/** Format {@code cii}: UN/CEFACT CII D16B CrossIndustryInvoice checked against the EN 16931 CII rules 1.3.16. */
public final class CiiEn16931RuleSet extends PhiveRuleSet {

    public CiiEn16931RuleSet() {
        super("cii", Map.of(CII_INVOICE, EN16931Validation.VID_CII_1316));
    }
}
