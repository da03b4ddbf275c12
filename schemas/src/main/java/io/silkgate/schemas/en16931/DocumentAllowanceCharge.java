package io.silkgate.schemas.en16931;

import java.math.BigDecimal;

/**
 * A document-level allowance (BG-20, BT-92..BT-98) or charge (BG-21, BT-99..BT-105); the list on {@link Invoice}
 * says which. Comments give the allowance ids.
 */
public record DocumentAllowanceCharge(
        BigDecimal amount,      // BT-92 Document level allowance amount
        BigDecimal baseAmount,  // BT-93 Document level allowance base amount
        BigDecimal percentage,  // BT-94 Document level allowance percentage
        String vatCategoryCode, // BT-95 Document level allowance VAT category code
        BigDecimal vatRate,     // BT-96 Document level allowance VAT rate
        String reason,          // BT-97 Document level allowance reason
        String reasonCode) {    // BT-98 Document level allowance reason code (UNTDID 5189; charges UNTDID 7161)
}
