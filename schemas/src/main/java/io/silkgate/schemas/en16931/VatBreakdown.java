package io.silkgate.schemas.en16931;

import java.math.BigDecimal;

/** BG-23 VAT BREAKDOWN: the taxable and tax amount of one VAT category and rate. */
public record VatBreakdown(
        BigDecimal taxableAmount,   // BT-116 VAT category taxable amount
        BigDecimal taxAmount,       // BT-117 VAT category tax amount
        String categoryCode,        // BT-118 VAT category code (UNCL 5305 subset: S, Z, E, AE, K, G, O, L, M)
        BigDecimal rate,            // BT-119 VAT category rate
        String exemptionReason,     // BT-120 VAT exemption reason text
        String exemptionReasonCode) { // BT-121 VAT exemption reason code (VATEX)
}
