package io.silkgate.schemas.bol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TransportDocumentRulesTest {

    @Test
    void theSamplesAreValid() {
        assertEquals(List.of(), TransportDocumentRules.check(BolSamples.straight()));
        assertEquals(List.of(), TransportDocumentRules.check(BolSamples.toOrder()));
    }

    // --- schema level: SCHEMA_INVALID ---

    @Test
    void requiredFieldsAreReportedAtTheirPointer() {
        assertOnly(td -> td.remove("transportDocumentReference"), "DCSA-TD-SCHEMA-REQUIRED",
                "/transportDocumentReference", ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> BolSamples.at(td, "/transports").remove("portOfLoading"), "DCSA-TD-SCHEMA-REQUIRED",
                "/transports/portOfLoading", ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> BolSamples.at(td, "/documentParties/issuingParty").remove("address"),
                "DCSA-TD-SCHEMA-REQUIRED", "/documentParties/issuingParty/address", ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> BolSamples.at(td, "/utilizedTransportEquipments/1").remove("seals"),
                "DCSA-TD-SCHEMA-REQUIRED", "/utilizedTransportEquipments/1/seals", ErrorCode.SCHEMA_INVALID);
    }

    @Test
    void chargesNeedAllTheirFields() {
        for (String field : List.of("chargeName", "currencyAmount", "currencyCode", "paymentTermCode",
                "calculationBasis", "unitPrice", "quantity")) {
            assertOnly(td -> BolSamples.at(td, "/charges/0").remove(field), "DCSA-TD-SCHEMA-REQUIRED",
                    "/charges/0/" + field, ErrorCode.SCHEMA_INVALID);
        }
        assertOnly(td -> BolSamples.at(td, "/charges/0").put("paymentTermCode", "CASH"), "DCSA-TD-SCHEMA-CODE",
                "/charges/0/paymentTermCode", ErrorCode.SCHEMA_INVALID);
    }

    @Test
    void typesCodeListsLengthsPatternsAndRanges() {
        assertOnly(td -> td.put("isElectronic", "yes"), "DCSA-TD-SCHEMA-TYPE", "/isElectronic",
                ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> td.putNull("issueDate"), "DCSA-TD-SCHEMA-TYPE", "/issueDate", ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> td.put("transportDocumentTypeCode", "HBL"), "DCSA-TD-SCHEMA-CODE",
                "/transportDocumentTypeCode", ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> td.put("transportDocumentStatus", "PRINTED"), "DCSA-TD-SCHEMA-CODE",
                "/transportDocumentStatus", ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> td.put("cargoMovementTypeAtOrigin", "BB"), "DCSA-TD-SCHEMA-CODE",
                "/cargoMovementTypeAtOrigin", ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> td.put("transportDocumentReference", "X".repeat(21)), "DCSA-TD-SCHEMA-MAX-LENGTH",
                "/transportDocumentReference", ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> ((ArrayNode) td.at("/consignmentItems/0/descriptionOfGoods")).add("y".repeat(36)),
                "DCSA-TD-SCHEMA-MAX-LENGTH", "/consignmentItems/0/descriptionOfGoods/2", ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> BolSamples.at(td, "/transports/portOfLoading").put("UNLocationCode", "cnytn"),
                "DCSA-TD-SCHEMA-PATTERN", "/transports/portOfLoading/UNLocationCode", ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> td.put("issueDate", "2026-02-30"), "DCSA-TD-SCHEMA-DATE", "/issueDate",
                ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> BolSamples.at(td, "/consignmentItems/0/cargoItems/0/cargoGrossWeight").put("value", 0),
                "DCSA-TD-SCHEMA-RANGE", "/consignmentItems/0/cargoItems/0/cargoGrossWeight/value",
                ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> BolSamples.at(td, "/consignmentItems/0/cargoItems/0/outerPackaging")
                        .put("numberOfPackages", 2.5), "DCSA-TD-SCHEMA-TYPE",
                "/consignmentItems/0/cargoItems/0/outerPackaging/numberOfPackages", ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> ((ArrayNode) td.at("/consignmentItems/0/HSCodes")).removeAll(), "DCSA-TD-SCHEMA-ITEMS",
                "/consignmentItems/0/HSCodes", ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> BolSamples.at(td, "/documentParties/other/0").put("partyFunction", "XYZ"),
                "DCSA-TD-SCHEMA-CODE", "/documentParties/other/0/partyFunction", ErrorCode.SCHEMA_INVALID);
    }

    @Test
    void oneOfAndAnyOfGroups() {
        assertOnly(td -> BolSamples.at(td, "/placeOfIssue").put("countryCode", "CN"), "DCSA-TD-SCHEMA-ONE-OF",
                "/placeOfIssue", ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> BolSamples.at(td, "/invoicePayableAt").remove("UNLocationCode"),
                "DCSA-TD-SCHEMA-ONE-OF", "/invoicePayableAt", ErrorCode.SCHEMA_INVALID);
        assertOnly(td -> BolSamples.at(td, "/partyContactDetails/0").remove("email"), "DCSA-TD-SCHEMA-ANY-OF",
                "/partyContactDetails/0", ErrorCode.SCHEMA_INVALID);
    }

    @Test
    void unknownPropertiesAreTolerated() {
        assertValid(td -> td.put("someFutureField", "from eBL 3.1"));
    }

    // --- conditional rules: RULES_INVALID, each with a failing and a passing case ---

    @Test
    void issuedDocumentNeedsIssueDateAndExactlyOneShipmentDate() {
        assertOnly(td -> td.remove("issueDate"), "DCSA-TD-ISSUED-DATES", "/issueDate", ErrorCode.RULES_INVALID);
        assertOnly(td -> td.remove("shippedOnBoardDate"), "DCSA-TD-ISSUED-DATES", "/shippedOnBoardDate",
                ErrorCode.RULES_INVALID);
        assertOnly(td -> {
            td.put("isShippedOnBoardType", false);
            td.remove("shippedOnBoardDate");
            td.put("receivedForShipmentDate", "2026-05-02");
            td.put("shippedOnBoardDate", "2026-05-04");
        }, List.of("DCSA-TD-ISSUED-DATES", "DCSA-TD-SHIPPED-ON-BOARD-TYPE"));
        assertValid(td -> {
            td.put("transportDocumentStatus", "DRAFT");
            td.remove("issueDate");
            td.remove("shippedOnBoardDate");
        });
        assertValid(td -> {
            td.put("isShippedOnBoardType", false);
            td.remove("shippedOnBoardDate");
            td.put("receivedForShipmentDate", "2026-05-02");
        });
        assertOnly(td -> {
            td.put("transportDocumentStatus", "SURRENDERED_FOR_DELIVERY");
            td.remove("issueDate");
        }, "DCSA-TD-ISSUED-DATES", "/issueDate", ErrorCode.RULES_INVALID);
    }

    @Test
    void shipmentDateMatchesTheShippedOnBoardType() {
        assertOnly(td -> td.put("isShippedOnBoardType", false), "DCSA-TD-SHIPPED-ON-BOARD-TYPE",
                "/shippedOnBoardDate", ErrorCode.RULES_INVALID);
        assertValid(td -> td.put("isShippedOnBoardType", true));
    }

    @Test
    void electronicBillOfLadingHasAtMostOneOriginalAndNoCopies() {
        assertOnly(td -> td.put("numberOfOriginalsWithoutCharges", 1), "DCSA-TD-EBL-ORIGINALS",
                "/numberOfOriginalsWithoutCharges", ErrorCode.RULES_INVALID);
        assertOnly(td -> td.put("numberOfCopiesWithCharges", 2), "DCSA-TD-EBL-COPIES", "/numberOfCopiesWithCharges",
                ErrorCode.RULES_INVALID);
        assertOnly(td -> td.put("numberOfCopiesWithoutCharges", 1), "DCSA-TD-EBL-COPIES",
                "/numberOfCopiesWithoutCharges", ErrorCode.RULES_INVALID);
        assertValid(td -> td.put("numberOfCopiesWithoutCharges", 0));
        assertValid(td -> {
            td.put("isElectronic", false);
            td.put("numberOfOriginalsWithoutCharges", 2);
            td.put("numberOfCopiesWithCharges", 3);
        });
    }

    @Test
    void seaWaybillIsNeverToOrderAndHasNoOriginals() {
        assertOnly(td -> {
            td.put("transportDocumentTypeCode", "SWB");
            td.remove("numberOfOriginalsWithCharges");
            td.put("isToOrder", true);
            BolSamples.at(td, "/documentParties").remove("consignee");
        }, "DCSA-TD-SWB-NOT-TO-ORDER", "/isToOrder", ErrorCode.RULES_INVALID);
        assertOnly(td -> td.put("transportDocumentTypeCode", "SWB"), "DCSA-TD-SWB-ORIGINALS",
                "/numberOfOriginalsWithCharges", ErrorCode.RULES_INVALID);
        assertValid(td -> {
            td.put("transportDocumentTypeCode", "SWB");
            td.remove("numberOfOriginalsWithCharges");
        });
    }

    @Test
    void toOrderMeansNoConsigneeAndNotifyParties() {
        ObjectNode withConsignee = BolSamples.toOrder();
        BolSamples.at(withConsignee, "/documentParties").set("consignee",
                BolSamples.straight().at("/documentParties/consignee"));
        assertViolations(withConsignee, "DCSA-TD-TO-ORDER-CONSIGNEE", "/documentParties/consignee");

        ObjectNode noNotify = BolSamples.toOrder();
        BolSamples.at(noNotify, "/documentParties").remove("notifyParties");
        assertViolations(noNotify, "DCSA-TD-TO-ORDER-NOTIFY", "/documentParties/notifyParties");

        BolSamples.at(noNotify, "/documentParties/endorsee").put("isNotifyParty", true);
        assertEquals(List.of(), TransportDocumentRules.check(noNotify));

        ObjectNode blankEndorsed = BolSamples.toOrder();
        BolSamples.at(blankEndorsed, "/documentParties").remove("endorsee");
        assertEquals(List.of(), TransportDocumentRules.check(blankEndorsed));
    }

    @Test
    void straightDocumentNamesItsConsigneeAndHasNoEndorsee() {
        assertOnly(td -> BolSamples.at(td, "/documentParties").remove("consignee"), "DCSA-TD-STRAIGHT-CONSIGNEE",
                "/documentParties/consignee", ErrorCode.RULES_INVALID);
        assertOnly(td -> BolSamples.at(td, "/documentParties").set("endorsee",
                        BolSamples.toOrder().at("/documentParties/endorsee")), "DCSA-TD-STRAIGHT-ENDORSEE",
                "/documentParties/endorsee", ErrorCode.RULES_INVALID);
    }

    @Test
    void declaredValueAndCurrencyComeTogether() {
        assertOnly(td -> td.remove("declaredValueCurrency"), "DCSA-TD-DECLARED-VALUE", "/declaredValueCurrency",
                ErrorCode.RULES_INVALID);
        assertOnly(td -> td.remove("declaredValue"), "DCSA-TD-DECLARED-VALUE", "/declaredValueCurrency",
                ErrorCode.RULES_INVALID);
        assertValid(td -> {
            td.remove("declaredValue");
            td.remove("declaredValueCurrency");
        });
    }

    @Test
    void electronicDisplayedAddressHasAtMostSixLines() {
        Consumer<ObjectNode> sevenLines = td -> {
            ArrayNode lines = BolSamples.at(td, "/documentParties/consignee").putArray("displayedAddress");
            for (int i = 1; i <= 7; i++) {
                lines.add("line " + i);
            }
        };
        assertOnly(sevenLines, List.of("DCSA-TD-SCHEMA-ITEMS", "DCSA-TD-DISPLAYED-ADDRESS"));
        assertValid(td -> {
            ArrayNode lines = BolSamples.at(td, "/documentParties/consignee").putArray("displayedAddress");
            for (int i = 1; i <= 6; i++) {
                lines.add("line " + i);
            }
        });
    }

    @Test
    void partiesNeedAnAddressOrAnIdentifyingCode() {
        assertOnly(td -> {
            ObjectNode shipper = BolSamples.at(td, "/documentParties/shipper");
            shipper.remove("address");
            shipper.remove("identifyingCodes");
        }, "DCSA-TD-PARTY-ADDRESS-OR-CODE", "/documentParties/shipper", ErrorCode.RULES_INVALID);
        assertOnly(td -> BolSamples.at(td, "/documentParties/other/0/party").remove("identifyingCodes"),
                "DCSA-TD-PARTY-ADDRESS-OR-CODE", "/documentParties/other/0/party", ErrorCode.RULES_INVALID);
        assertValid(td -> BolSamples.at(td, "/documentParties/shipper").remove("address"));
    }

    @Test
    void eachDocumentPartyFunctionIsUsedOnce() {
        assertOnly(td -> ((ArrayNode) td.at("/documentParties/other")).add(td.at("/documentParties/other/0")
                .deepCopy()), "DCSA-TD-PARTY-FUNCTION-UNIQUE", "/documentParties/other/1/partyFunction",
                ErrorCode.RULES_INVALID);
        assertValid(td -> ((ObjectNode) ((ArrayNode) td.at("/documentParties/other")).addObject()
                .put("partyFunction", "SCO")).set("party", td.at("/documentParties/other/0/party").deepCopy()));
    }

    @Test
    void equipmentIsUniqueAndEveryReferenceResolves() {
        assertOnly(td -> BolSamples.at(td, "/utilizedTransportEquipments/1/equipment")
                .put("equipmentReference", "SLKU1234565"), List.of("DCSA-TD-EQUIPMENT-UNIQUE",
                "DCSA-TD-CARGO-EQUIPMENT-KNOWN"));
        assertOnly(td -> BolSamples.at(td, "/consignmentItems/0/cargoItems/1").put("equipmentReference",
                "SLKU0000000"), List.of("DCSA-TD-CARGO-EQUIPMENT-KNOWN", "DCSA-TD-EQUIPMENT-USED"));
        assertOnly(td -> ((ArrayNode) td.at("/consignmentItems/0/cargoItems")).remove(1), "DCSA-TD-EQUIPMENT-USED",
                "/utilizedTransportEquipments/1/equipment/equipmentReference", ErrorCode.RULES_INVALID);
        assertValid(td -> BolSamples.at(td, "/consignmentItems/0/cargoItems/1").put("equipmentReference",
                "SLKU1234565"), List.of("DCSA-TD-EQUIPMENT-USED"));
    }

    @Test
    void shipperOwnedContainerStatesSizeTypeAndTare() {
        assertOnly(td -> BolSamples.at(td, "/utilizedTransportEquipments/1").put("isShipperOwned", true),
                "DCSA-TD-SHIPPER-OWNED-EQUIPMENT", "/utilizedTransportEquipments/1/equipment/tareWeight",
                ErrorCode.RULES_INVALID);
        assertValid(td -> BolSamples.at(td, "/utilizedTransportEquipments/0").put("isShipperOwned", true));
    }

    @Test
    void reeferSettingsOnlyOnOperatingReefersAndWithUnits() {
        Consumer<ObjectNode> reefer = td -> {
            ObjectNode ute = BolSamples.at(td, "/utilizedTransportEquipments/0");
            ute.put("isNonOperatingReefer", false);
            ute.putObject("activeReeferSettings").put("temperatureSetpoint", -18).put("temperatureUnit", "CEL");
        };
        assertValid(reefer);
        assertOnly(reefer.andThen(td -> BolSamples.at(td, "/utilizedTransportEquipments/0")
                .put("isNonOperatingReefer", true)), "DCSA-TD-REEFER", "/utilizedTransportEquipments/0/activeReeferSettings",
                ErrorCode.RULES_INVALID);
        assertOnly(reefer.andThen(td -> BolSamples.at(td, "/utilizedTransportEquipments/0")
                .remove("isNonOperatingReefer")), "DCSA-TD-REEFER", "/utilizedTransportEquipments/0/isNonOperatingReefer",
                ErrorCode.RULES_INVALID);
        assertOnly(reefer.andThen(td -> BolSamples.at(td, "/utilizedTransportEquipments/0/activeReeferSettings")
                .remove("temperatureUnit")), "DCSA-TD-REEFER-UNIT",
                "/utilizedTransportEquipments/0/activeReeferSettings/temperatureUnit", ErrorCode.RULES_INVALID);
        assertOnly(reefer.andThen(td -> BolSamples.at(td, "/utilizedTransportEquipments/0/activeReeferSettings")
                .put("airExchangeUnit", "MQH")), "DCSA-TD-REEFER-UNIT",
                "/utilizedTransportEquipments/0/activeReeferSettings/airExchangeUnit", ErrorCode.RULES_INVALID);
    }

    @Test
    void preAndOnCarriageNeedTheirPlaces() {
        assertOnly(td -> BolSamples.at(td, "/transports").remove("placeOfReceipt"), "DCSA-TD-PRE-CARRIAGE",
                "/transports/placeOfReceipt", ErrorCode.RULES_INVALID);
        assertOnly(td -> {
            BolSamples.at(td, "/transports").put("onCarriageBy", "RAIL");
            BolSamples.at(td, "/transports").remove("placeOfDelivery");
        }, "DCSA-TD-ON-CARRIAGE", "/transports/placeOfDelivery", ErrorCode.RULES_INVALID);
        assertValid(td -> BolSamples.at(td, "/transports").put("onCarriageBy", "RAIL"));
    }

    @Test
    void customsReferenceTypesAreUniquePerCountry() {
        assertOnly(td -> ((ArrayNode) td.at("/consignmentItems/0/customsReferences")).add(
                        td.at("/consignmentItems/0/customsReferences/0").deepCopy()),
                "DCSA-TD-CUSTOMS-REFERENCE-UNIQUE", "/consignmentItems/0/customsReferences/1", ErrorCode.RULES_INVALID);
        assertValid(td -> ((ArrayNode) td.at("/consignmentItems/0/customsReferences")).add(
                ((ObjectNode) td.at("/consignmentItems/0/customsReferences/0").deepCopy()).put("countryCode", "VN")));
    }

    @Test
    void requireValidPicksTheContractCode() {
        ObjectNode rulesOnly = BolSamples.straight();
        rulesOnly.remove("issueDate");
        DocumentRejectedException rules = assertThrows(DocumentRejectedException.class,
                () -> TransportDocumentRules.requireValid(rulesOnly));
        assertEquals(ErrorCode.RULES_INVALID, rules.code());
        assertEquals("/issueDate", rules.problems().get(0).location());

        rulesOnly.put("isToOrder", "no");
        DocumentRejectedException schema = assertThrows(DocumentRejectedException.class,
                () -> TransportDocumentRules.requireValid(rulesOnly));
        assertEquals(ErrorCode.SCHEMA_INVALID, schema.code());
        assertTrue(schema.problems().stream().anyMatch(p -> "/isToOrder".equals(p.location())));
    }

    private static void assertOnly(Consumer<ObjectNode> edit, String rule, String pointer, ErrorCode code) {
        ObjectNode td = BolSamples.straight();
        edit.accept(td);
        List<RuleViolation> found = TransportDocumentRules.check(td);
        assertEquals(1, found.size(), () -> "expected exactly " + rule + " at " + pointer + ", got " + found);
        assertEquals(rule, found.get(0).rule(), found::toString);
        assertEquals(pointer, found.get(0).pointer(), found::toString);
        assertEquals(code, found.get(0).code(), found::toString);
    }

    private static void assertOnly(Consumer<ObjectNode> edit, List<String> rules) {
        ObjectNode td = BolSamples.straight();
        edit.accept(td);
        List<String> found = TransportDocumentRules.check(td).stream().map(RuleViolation::rule).toList();
        assertEquals(rules, found);
    }

    private static void assertValid(Consumer<ObjectNode> edit) {
        assertOnly(edit, List.of());
    }

    private static void assertValid(Consumer<ObjectNode> edit, List<String> except) {
        ObjectNode td = BolSamples.straight();
        edit.accept(td);
        List<String> found = TransportDocumentRules.check(td).stream().map(RuleViolation::rule)
                .filter(r -> !except.contains(r)).toList();
        assertEquals(List.of(), found);
    }

    private static void assertViolations(ObjectNode td, String rule, String pointer) {
        List<RuleViolation> found = TransportDocumentRules.check(td);
        assertEquals(1, found.size(), found::toString);
        assertEquals(rule, found.get(0).rule());
        assertEquals(pointer, found.get(0).pointer());
    }
}
