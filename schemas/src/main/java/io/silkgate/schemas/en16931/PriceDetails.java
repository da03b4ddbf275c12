package io.silkgate.schemas.en16931;

import java.math.BigDecimal;

/** BG-29 PRICE DETAILS: net price, gross price and discount, per base quantity. */
public record PriceDetails(
        BigDecimal itemNetPrice,              // BT-146 Item net price
        BigDecimal itemPriceDiscount,         // BT-147 Item price discount
        BigDecimal itemGrossPrice,            // BT-148 Item gross price
        BigDecimal itemPriceBaseQuantity,     // BT-149 Item price base quantity
        String itemPriceBaseQuantityUnitCode) { // BT-150 Item price base quantity unit of measure code
}
