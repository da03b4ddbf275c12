package io.silkgate.schemas.en16931;

import java.math.BigDecimal;

/** BG-30 LINE VAT INFORMATION: the VAT category and rate of the invoiced item. */
public record LineVatInformation(
        String invoicedItemVatCategoryCode, // BT-151 Invoiced item VAT category code
        BigDecimal invoicedItemVatRate) {   // BT-152 Invoiced item VAT rate
}
