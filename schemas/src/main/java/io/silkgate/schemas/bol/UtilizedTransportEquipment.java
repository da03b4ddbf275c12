package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A container used for this document, with its seals and reefer settings. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UtilizedTransportEquipment(
        Equipment equipment, Boolean isShipperOwned, Boolean isNonOperatingReefer,
        ActiveReeferSettings activeReeferSettings, List<String> shippingMarks, List<Seal> seals) {
}
