package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A DCSA location: place of receipt/delivery, port, place of issue or payment, by UN/LOCODE, name, address or free text. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Location(
        String locationName, @JsonProperty("UNLocationCode") String unLocationCode, String countryCode, String freeText,
        String facilityName, Address address, List<String> addressLines, City city) {
}
