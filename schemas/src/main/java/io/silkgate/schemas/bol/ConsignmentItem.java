package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A consignment item: goods of one booking, split into cargo items. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsignmentItem(
        String carrierBookingReference, List<String> descriptionOfGoods, @JsonProperty("HSCodes") List<String> hsCodes,
        List<String> extendedHSCodes, List<String> shippingMarks, List<CargoItem> cargoItems) {
}
