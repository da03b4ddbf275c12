package io.silkgate.schemas.en16931;

import java.time.LocalDate;

/** A period: BG-14 INVOICING PERIOD (BT-73, BT-74) or BG-26 INVOICE LINE PERIOD (BT-134, BT-135). */
public record Period(
        LocalDate startDate, // BT-73 Invoicing period start date / BT-134 line period start date
        LocalDate endDate) { // BT-74 Invoicing period end date / BT-135 line period end date
}
