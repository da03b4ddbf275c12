package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Dates, places and vessels of the carriage. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Transports(
        String plannedArrivalDate, String plannedDepartureDate, String preCarriageBy, String onCarriageBy,
        Location placeOfReceipt, Location portOfLoading, Location portOfDischarge, Location placeOfDelivery,
        Location onwardInlandRouting, List<VesselVoyage> vesselVoyages) {
}
