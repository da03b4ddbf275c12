package io.silkgate.schemas.en16931;

import java.time.LocalDate;

/**
 * BG-13 DELIVERY INFORMATION: where and when the goods or services were delivered. BG-14 (invoicing period) sits
 * beside it on {@link Invoice} because every syntax keeps the period apart from the delivery.
 */
public record DeliveryInformation(
        String deliverToPartyName,              // BT-70 Deliver to party name
        Identifier deliverToLocationIdentifier, // BT-71 Deliver to location identifier (scheme BT-71-1)
        LocalDate actualDeliveryDate,           // BT-72 Actual delivery date
        PostalAddress deliverToAddress) {       // BG-15 DELIVER TO ADDRESS
}
