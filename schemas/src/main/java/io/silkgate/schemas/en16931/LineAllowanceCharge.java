package io.silkgate.schemas.en16931;

import java.math.BigDecimal;

/**
 * An invoice line allowance (BG-27, BT-136..BT-140) or charge (BG-28, BT-141..BT-145); the list on
 * {@link InvoiceLine} says which. Comments give the allowance ids.
 */
public record LineAllowanceCharge(
        BigDecimal amount,     // BT-136 Invoice line allowance amount
        BigDecimal baseAmount, // BT-137 Invoice line allowance base amount
        BigDecimal percentage, // BT-138 Invoice line allowance percentage
        String reason,         // BT-139 Invoice line allowance reason
        String reasonCode) {   // BT-140 Invoice line allowance reason code
}
