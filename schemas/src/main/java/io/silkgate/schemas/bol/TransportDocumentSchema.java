package io.silkgate.schemas.bol;

import static io.silkgate.schemas.bol.JsonShape.array;
import static io.silkgate.schemas.bol.JsonShape.bool;
import static io.silkgate.schemas.bol.JsonShape.codes;
import static io.silkgate.schemas.bol.JsonShape.date;
import static io.silkgate.schemas.bol.JsonShape.integer;
import static io.silkgate.schemas.bol.JsonShape.number;
import static io.silkgate.schemas.bol.JsonShape.object;
import static io.silkgate.schemas.bol.JsonShape.text;
import static io.silkgate.schemas.bol.JsonShape.trimmed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The structure of a DCSA eBL 3.0 {@code TransportDocument} (EBL_v3.0.4 / PINT 3.0.0): required fields, types,
 * lengths, patterns and the code lists the specification enumerates. Open registries (eBL platform codes, party
 * code list providers) are not closed here, because DCSA adds codes between releases.
 */
final class TransportDocumentSchema {

    static final String[] TD_STATUS = {"DRAFT", "APPROVED", "ISSUED", "PENDING_SURRENDER_FOR_AMENDMENT",
        "SURRENDERED_FOR_AMENDMENT", "PENDING_SURRENDER_FOR_DELIVERY", "SURRENDERED_FOR_DELIVERY", "VOIDED"};

    private static final String UN_LOCATION = "^[A-Z]{2}[A-Z2-9]{3}$";
    private static final String COUNTRY = "^[A-Z]{2}$";
    private static final String CURRENCY = "^[A-Z]{3}$";
    private static final String[] MODES = {"VESSEL", "RAIL", "TRUCK", "BARGE", "MULTIMODAL"};
    private static final String[] TYPE_OF_PERSON = {"NATURAL_PERSON", "LEGAL_PERSON", "ASSOCIATION_OF_PERSONS"};

    private static final JsonShape ROOT = root();

    private TransportDocumentSchema() {
    }

    static List<RuleViolation> check(JsonNode td) {
        List<RuleViolation> out = new ArrayList<>();
        ROOT.check(td, "", out);
        return out;
    }

    private static JsonShape root() {
        return object()
                .req("transportDocumentReference", trimmed(20))
                .opt("transportDocumentSubReference", trimmed(100))
                .opt("shippingInstructionsReference", trimmed(100))
                .req("transportDocumentStatus", codes(TD_STATUS))
                .req("transportDocumentTypeCode", codes("BOL", "SWB"))
                .req("isShippedOnBoardType", bool())
                .opt("freightPaymentTermCode", codes("PRE", "COL"))
                .req("isElectronic", bool())
                .req("isToOrder", bool())
                .opt("numberOfCopiesWithCharges", integer().min(0))
                .opt("numberOfCopiesWithoutCharges", integer().min(0))
                .opt("numberOfOriginalsWithCharges", integer().min(0))
                .opt("numberOfOriginalsWithoutCharges", integer().min(0))
                .opt("displayedNameForPlaceOfReceipt", lines(5, 35))
                .opt("displayedNameForPortOfLoad", lines(5, 35))
                .opt("displayedNameForPortOfDischarge", lines(5, 35))
                .opt("displayedNameForPlaceOfDelivery", lines(5, 35))
                .opt("shippedOnBoardDate", date())
                .opt("displayedShippedOnBoardReceivedForShipment", trimmed(250))
                .req("termsAndConditions", text(50_000))
                .req("receiptTypeAtOrigin", codes("CY", "SD", "CFS"))
                .req("deliveryTypeAtDestination", codes("CY", "SD", "CFS"))
                .req("cargoMovementTypeAtOrigin", codes("FCL", "LCL"))
                .req("cargoMovementTypeAtDestination", codes("FCL", "LCL"))
                .opt("issueDate", date())
                .opt("receivedForShipmentDate", date())
                .opt("serviceContractReference", text(30))
                .opt("contractQuotationReference", trimmed(35))
                .opt("extendedContractQuotationReference", trimmed(70))
                .opt("declaredValue", number().min(0))
                .opt("declaredValueCurrency", text(3).min(3).pattern(CURRENCY))
                .req("carrierCode", text(4).pattern("^\\S+$"))
                .req("carrierCodeListProvider", codes("SMDG", "NMFTA"))
                .opt("carrierClauses", array(trimmed(20_000)))
                .opt("numberOfRiderPages", integer().min(0))
                .req("transports", transports())
                .opt("charges", array(charge()))
                .opt("placeOfIssue", object()
                        .opt("UNLocationCode", unLocation())
                        .opt("countryCode", country())
                        .opt("locationName", trimmed(100))
                        .exactlyOneOf("UNLocationCode", "countryCode"))
                .req("invoicePayableAt", object()
                        .opt("UNLocationCode", unLocation())
                        .opt("freeText", text(35))
                        .exactlyOneOf("UNLocationCode", "freeText"))
                .req("partyContactDetails", array(contact()).minItems(1))
                .req("documentParties", documentParties())
                .req("consignmentItems", array(consignmentItem()).minItems(1))
                .req("utilizedTransportEquipments", array(utilizedTransportEquipment()).minItems(1))
                .opt("exportLicense", license())
                .opt("importLicense", license())
                .opt("references", array(reference()))
                .opt("customsReferences", array(customsReference()))
                .opt("feedbacks", array(object()
                        .req("severity", codes("INFO", "WARN", "ERROR"))
                        .req("code", text(50))
                        .req("message", text(5000))
                        .opt("jsonPath", text(500))
                        .opt("property", text(100))));
    }

    private static JsonShape transports() {
        return object()
                .req("plannedArrivalDate", date())
                .req("plannedDepartureDate", date())
                .opt("preCarriageBy", codes(MODES))
                .opt("onCarriageBy", codes(MODES))
                .opt("placeOfReceipt", place(true))
                .req("portOfLoading", port())
                .req("portOfDischarge", port())
                .opt("placeOfDelivery", place(true))
                .opt("onwardInlandRouting", place(false))
                .req("vesselVoyages", array(object()
                        .req("vesselName", trimmed(50))
                        .req("carrierExportVoyageNumber", trimmed(50))
                        .opt("universalExportVoyageReference", text(5).min(5).pattern("^\\d{2}[0-9A-Z]{2}[NEWSR]$"))
                        .opt("role", codes("FIRST_SEA_GOING", "MOTHER"))).minItems(1));
    }

    private static JsonShape place(boolean withGeoCoordinate) {
        JsonShape.ObjectShape o = object()
                .opt("locationName", trimmed(100))
                .opt("facilityName", text(100))
                .opt("address", address(false))
                .opt("addressLines", lines(5, 250))
                .opt("facility", object()
                        .req("facilityCode", trimmed(6))
                        .req("facilityCodeListProvider", codes("BIC", "SMDG")))
                .opt("UNLocationCode", unLocation());
        if (withGeoCoordinate) {
            o.opt("geoCoordinate", object().req("latitude", text(10)).req("longitude", text(11)));
        }
        return o;
    }

    private static JsonShape port() {
        return object()
                .opt("locationName", trimmed(100))
                .opt("city", object()
                        .req("city", trimmed(35))
                        .opt("stateRegion", text(65))
                        .req("countryCode", country()))
                .opt("UNLocationCode", unLocation());
    }

    private static JsonShape address(boolean party) {
        JsonShape.ObjectShape o = object()
                .req("street", text(70))
                .opt("streetNumber", text(50))
                .opt("floor", trimmed(50))
                .opt("postCode", text(10))
                .opt("POBox", text(20))
                .req("city", trimmed(35))
                .opt("stateRegion", text(65))
                .req("countryCode", country());
        if (party) {
            o.opt("UNLocationCode", unLocation());
        }
        return o;
    }

    private static JsonShape charge() {
        return object()
                .req("chargeName", trimmed(50))
                .opt("extendedChargeName", trimmed(100))
                .req("currencyAmount", number().min(0))
                .req("currencyCode", text(3).min(3).pattern(CURRENCY))
                .req("paymentTermCode", codes("PRE", "COL"))
                .req("calculationBasis", trimmed(50))
                .req("unitPrice", number().min(0))
                .req("quantity", number().min(0));
    }

    private static JsonShape contact() {
        return object()
                .req("name", trimmed(35))
                .opt("phone", trimmed(30))
                .opt("email", text(100).pattern("^.+@\\S+$"))
                .atLeastOneOf("phone", "email");
    }

    private static JsonShape documentParties() {
        return object()
                .req("shipper", party(true).opt("typeOfPerson", codes(TYPE_OF_PERSON))
                        .opt("displayedAddress", lines(6, 35)).opt("reference", trimmed(35))
                        .opt("purchaseOrderReferences", array(trimmed(35))).opt("eblPlatform", platform()))
                .opt("onBehalfOfShipper", party(false))
                .opt("consignee", party(true).req("identifyingCodes", array(identifyingCode()).minItems(1))
                        .opt("typeOfPerson", codes(TYPE_OF_PERSON)).opt("displayedAddress", lines(6, 35))
                        .opt("reference", trimmed(35)).opt("purchaseOrderReferences", array(trimmed(35)))
                        .opt("isNotifyParty", bool()).opt("eblPlatform", platform()))
                .opt("onBehalfOfConsignee", object()
                        .req("partyName", trimmed(70))
                        .opt("address", address(true))
                        .opt("addressLines", lines(5, 250))
                        .opt("identifyingCodes", array(identifyingCode()).minItems(1)))
                .opt("endorsee", party(true).req("identifyingCodes", array(identifyingCode()).minItems(1))
                        .opt("displayedAddress", lines(6, 35)).opt("isNotifyParty", bool())
                        .opt("eblPlatform", platform()))
                .req("issuingParty", party(true).req("address", address(true)))
                .opt("carriersAgentAtDestination", object()
                        .req("partyName", trimmed(70))
                        .req("address", address(false))
                        .opt("addressLines", lines(5, 250))
                        .req("partyContactDetails", array(contact())))
                .opt("notifyParties", array(party(true).opt("typeOfPerson", codes(TYPE_OF_PERSON))
                        .opt("displayedAddress", lines(6, 35)).opt("reference", trimmed(35))).maxItems(3))
                .opt("other", array(object()
                        .req("party", party(true).opt("reference", trimmed(35)))
                        .req("partyFunction", codes("SCO", "DDR", "DDS", "COW", "COX"))));
    }

    /** The fields every DCSA party shares; {@code full} adds tax references and contacts. */
    private static JsonShape.ObjectShape party(boolean full) {
        JsonShape.ObjectShape o = object()
                .req("partyName", trimmed(70))
                .opt("address", address(true))
                .opt("addressLines", lines(5, 250))
                .opt("identifyingCodes", array(identifyingCode()));
        if (full) {
            o.opt("taxLegalReferences", array(object()
                            .req("type", trimmed(50))
                            .req("countryCode", country())
                            .req("value", trimmed(35))))
                    .opt("partyContactDetails", array(contact()));
        }
        return o;
    }

    private static JsonShape identifyingCode() {
        return object()
                .req("codeListProvider", text(100))
                .req("partyCode", text(150))
                .opt("codeListName", text(100));
    }

    private static JsonShape platform() {
        return text(4).pattern("^\\S+$");
    }

    private static JsonShape consignmentItem() {
        return object()
                .req("carrierBookingReference", trimmed(35))
                .req("descriptionOfGoods", array(trimmed(35)).maxItems(150))
                .req("HSCodes", array(text(10).min(6).pattern("^\\d{6,10}$")).minItems(1))
                .opt("extendedHSCodes", array(text(12).min(6).pattern("^\\d{6,12}$")))
                .opt("nationalCommodityCodes", array(commodityCode(10)))
                .opt("extendedNationalCommodityCodes", array(commodityCode(16)))
                .opt("shippingMarks", lines(50, 35))
                .req("cargoItems", array(cargoItem()).minItems(1))
                .opt("exportLicense", license())
                .opt("importLicense", license())
                .opt("references", array(object()
                        .req("type", codes("CR", "AKG", "SPO", "CPO"))
                        .req("values", array(trimmed(35)).minItems(1))))
                .opt("customsReferences", array(customsReference()));
    }

    private static JsonShape commodityCode(int valueLength) {
        return object()
                .req("type", trimmed(10))
                .opt("countryCode", country())
                .req("values", array(trimmed(valueLength)).minItems(1));
    }

    private static JsonShape cargoItem() {
        return object()
                .req("equipmentReference", trimmed(11))
                .req("cargoGrossWeight", measure("KGM", "LBR"))
                .opt("cargoGrossVolume", measure("MTQ", "FTQ"))
                .opt("cargoNetWeight", measure("KGM", "LBR"))
                .opt("cargoNetVolume", measure("MTQ", "FTQ"))
                .opt("exportLicense", license())
                .opt("importLicense", license())
                .req("outerPackaging", object()
                        .opt("packageCode", text(2).min(2).pattern("^[A-Z0-9]{2}$"))
                        .opt("imoPackagingCode", text(5).min(1).pattern("^[A-Z0-9]{1,5}$"))
                        .req("numberOfPackages", integer().min(1).max(99_999_999))
                        .req("description", text(100))
                        .opt("woodDeclaration", codes("NOT_APPLICABLE", "NOT_TREATED_AND_NOT_CERTIFIED", "PROCESSED",
                                "TREATED_AND_CERTIFIED"))
                        .opt("dangerousGoods", array(dangerousGoods())))
                .opt("nationalCommodityCodes", array(commodityCode(10)))
                .opt("extendedNationalCommodityCodes", array(commodityCode(16)))
                .opt("customsReferences", array(customsReference()));
    }

    private static JsonShape dangerousGoods() {
        return object()
                .opt("UNNumber", text(4).min(4).pattern("^\\d{4}$"))
                .opt("NANumber", text(4).min(4).pattern("^\\d{4}$"))
                .exactlyOneOf("UNNumber", "NANumber")
                .opt("codedVariantList", text(4).min(4).pattern("^[0-3][0-9A-Z]{3}$"))
                .req("properShippingName", text(250))
                .opt("technicalName", text(250))
                .req("imoClass", text(4))
                .opt("subsidiaryRisk1", text(3).min(1).pattern("^[0-9](\\.[0-9])?$"))
                .opt("subsidiaryRisk2", text(3).min(1).pattern("^[0-9](\\.[0-9])?$"))
                .opt("isMarinePollutant", bool())
                .opt("packingGroup", integer().min(1).max(3))
                .opt("isLimitedQuantity", bool())
                .opt("isExceptedQuantity", bool())
                .opt("isSalvagePackings", bool())
                .opt("isEmptyUncleanedResidue", bool())
                .opt("isWaste", bool())
                .opt("isHot", bool())
                .opt("isCompetentAuthorityApprovalRequired", bool())
                .opt("competentAuthorityApproval", trimmed(70))
                .opt("segregationGroups", array(text(2)))
                .opt("innerPackagings", array(object()
                        .req("quantity", integer())
                        .req("material", text(100))
                        .req("description", text(100))))
                .opt("emergencyContactDetails", object()
                        .req("contact", text(255))
                        .opt("provider", text(255))
                        .req("phone", trimmed(30))
                        .opt("referenceNumber", text(255)))
                .opt("EMSNumber", text(7))
                .opt("endOfHoldingTime", date())
                .opt("fumigationDateTime", text().dateTime())
                .opt("isReportableQuantity", bool())
                .opt("inhalationZone", codes("A", "B", "C", "D"))
                .opt("grossWeight", measure("KGM", "LBR"))
                .opt("netWeight", measure("KGM", "LBR"))
                .opt("netExplosiveContent", measure("KGM", "LBR", "GRM", "ONZ"))
                .opt("netVolume", measure("MTQ", "FTQ", "LTR"))
                .opt("limits", object()
                        .req("temperatureUnit", codes("CEL", "FAH"))
                        .opt("flashPoint", number())
                        .opt("transportControlTemperature", number())
                        .opt("transportEmergencyTemperature", number())
                        .opt("SADT", number())
                        .opt("SAPT", number()));
    }

    private static JsonShape utilizedTransportEquipment() {
        return object()
                .req("equipment", object()
                        .req("equipmentReference", trimmed(11))
                        .opt("ISOEquipmentCode", trimmed(4))
                        .opt("tareWeight", measure("KGM", "LBR")))
                .req("isShipperOwned", bool())
                .opt("isNonOperatingReefer", bool())
                .opt("activeReeferSettings", object()
                        .opt("temperatureSetpoint", number())
                        .opt("temperatureUnit", codes("CEL", "FAH"))
                        .opt("o2Setpoint", number().min(0).max(100))
                        .opt("co2Setpoint", number().min(0).max(100))
                        .opt("humiditySetpoint", number().min(0).max(100))
                        .opt("airExchangeSetpoint", number().min(0))
                        .opt("airExchangeUnit", codes("MQH", "FQH"))
                        .opt("isVentilationOpen", bool())
                        .opt("isDrainholesOpen", bool())
                        .opt("isBulbMode", bool())
                        .opt("isColdTreatmentRequired", bool())
                        .opt("isControlledAtmosphereRequired", bool()))
                .opt("shippingMarks", lines(50, 35))
                .req("seals", array(object()
                        .req("number", text(15))
                        .opt("source", codes("CAR", "SHI", "VET", "CUS"))).minItems(1))
                .opt("references", array(reference()))
                .opt("customsReferences", array(customsReference()));
    }

    private static JsonShape measure(String... units) {
        return object().req("value", number().positive()).req("unit", codes(units));
    }

    private static JsonShape license() {
        return object()
                .opt("isRequired", bool())
                .opt("reference", trimmed(35))
                .opt("issueDate", date())
                .opt("expiryDate", date());
    }

    private static JsonShape reference() {
        return object().req("type", codes("CR", "AKG")).req("value", trimmed(35));
    }

    private static JsonShape customsReference() {
        return object()
                .req("type", trimmed(50))
                .req("countryCode", country())
                .req("values", array(trimmed(35)).minItems(1));
    }

    private static JsonShape lines(int maxLines, int maxLength) {
        return array(text(maxLength)).maxItems(maxLines);
    }

    private static JsonShape unLocation() {
        return text(5).min(5).pattern(UN_LOCATION);
    }

    private static JsonShape country() {
        return text(2).min(2).pattern(COUNTRY);
    }
}
