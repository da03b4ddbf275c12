package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A DCSA document party (shipper, consignee, endorsee, notify party, issuing party, ...); the union of their fields. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Party(
        String partyName, String eblPlatform, String typeOfPerson, Address address, List<String> addressLines,
        List<String> displayedAddress, List<IdentifyingCode> identifyingCodes, List<TaxLegalReference> taxLegalReferences,
        List<PartyContactDetail> partyContactDetails, String reference, List<String> purchaseOrderReferences,
        Boolean isNotifyParty) {
}
