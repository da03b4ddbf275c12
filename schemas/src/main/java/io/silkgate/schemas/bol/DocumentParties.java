package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The parties of a transport document by role. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentParties(
        Party shipper, Party onBehalfOfShipper, Party consignee, Party onBehalfOfConsignee, Party endorsee,
        Party issuingParty, Party carriersAgentAtDestination, List<Party> notifyParties, List<OtherDocumentParty> other) {
}
