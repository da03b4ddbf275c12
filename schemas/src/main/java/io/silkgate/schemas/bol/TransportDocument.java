package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.SecureJson;
import java.math.BigDecimal;
import java.util.List;

/**
 * The DCSA eBL 3.0 TransportDocument (bill of lading or sea waybill), the canonical model of the bill-of-lading
 * family. Fields newer specification versions add are ignored here; {@link TransportDocumentRules} checks the tree.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransportDocument(
        String transportDocumentReference, String transportDocumentSubReference, String shippingInstructionsReference,
        String transportDocumentStatus, String transportDocumentTypeCode, Boolean isShippedOnBoardType,
        String freightPaymentTermCode, Boolean isElectronic, Boolean isToOrder, Integer numberOfCopiesWithCharges,
        Integer numberOfCopiesWithoutCharges, Integer numberOfOriginalsWithCharges,
        Integer numberOfOriginalsWithoutCharges, List<String> displayedNameForPlaceOfReceipt,
        List<String> displayedNameForPortOfLoad, List<String> displayedNameForPortOfDischarge,
        List<String> displayedNameForPlaceOfDelivery, String shippedOnBoardDate,
        String displayedShippedOnBoardReceivedForShipment, String termsAndConditions, String receiptTypeAtOrigin,
        String deliveryTypeAtDestination, String cargoMovementTypeAtOrigin, String cargoMovementTypeAtDestination,
        String issueDate, String receivedForShipmentDate, String serviceContractReference,
        String contractQuotationReference, String extendedContractQuotationReference, BigDecimal declaredValue,
        String declaredValueCurrency, String carrierCode, String carrierCodeListProvider, List<String> carrierClauses,
        Integer numberOfRiderPages, Transports transports, List<Charge> charges, Location placeOfIssue,
        Location invoicePayableAt, List<PartyContactDetail> partyContactDetails, DocumentParties documentParties,
        List<ConsignmentItem> consignmentItems, List<UtilizedTransportEquipment> utilizedTransportEquipments,
        List<Reference> references, List<CustomsReference> customsReferences) {

    /** Binds a tree that passed {@link TransportDocumentRules}'s structural checks. */
    public static TransportDocument from(JsonNode td) {
        try {
            return SecureJson.mapper().treeToValue(td, TransportDocument.class);
        } catch (JsonProcessingException e) {
            throw new DocumentRejectedException(ErrorCode.SCHEMA_INVALID, "not a DCSA TransportDocument: "
                    + e.getOriginalMessage());
        }
    }

    public boolean electronic() {
        return Boolean.TRUE.equals(isElectronic);
    }

    public boolean toOrder() {
        return Boolean.TRUE.equals(isToOrder);
    }

    /** The contract quotation reference that applies: the extended one takes precedence. */
    public String contractQuotation() {
        return extendedContractQuotationReference != null ? extendedContractQuotationReference
                : contractQuotationReference;
    }
}
