package io.silkgate.schemas.bol;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a DCSA eBL 3.0 TransportDocument: first its structure ({@link TransportDocumentSchema}, SCHEMA_INVALID),
 * then the conditional rules the specification states in prose (RULES_INVALID). Every violation names its rule id
 * and the JSON pointer of the value at fault.
 */
public final class TransportDocumentRules {

    /** The statuses in which the carrier has issued the document (issued, or later surrendered). */
    private static final Set<String> ISSUED_STATES = Set.of("ISSUED", "PENDING_SURRENDER_FOR_AMENDMENT",
            "SURRENDERED_FOR_AMENDMENT", "PENDING_SURRENDER_FOR_DELIVERY", "SURRENDERED_FOR_DELIVERY");

    private TransportDocumentRules() {
    }

    /** Every violation, structural ones first; empty when the document is valid. */
    public static List<RuleViolation> check(JsonNode td) {
        List<RuleViolation> out = new ArrayList<>(TransportDocumentSchema.check(td));
        if (!td.isObject()) {
            return out;
        }
        issuedDates(td, out);
        shippedOnBoardType(td, out);
        originalsAndCopies(td, out);
        toOrder(td, out);
        declaredValue(td, out);
        displayedAddresses(td, out);
        partyAddressOrCode(td, out);
        otherPartyFunctions(td, out);
        equipment(td, out);
        carriage(td, out);
        customsReferencesUnique(td, out);
        return out;
    }

    /** Throws SCHEMA_INVALID if any structural violation exists, else RULES_INVALID if any rule is broken. */
    public static void requireValid(JsonNode td) {
        reject(check(td));
    }

    /**
     * Throws {@code SCHEMA_INVALID} when the document's structure is broken; conditional-rule violations pass. Data
     * copies need the structure, and a copy of an eBL that changed hands must be possible whatever its issuer wrote.
     */
    public static void requireStructure(JsonNode td) {
        reject(check(td).stream().filter(RuleViolation::isSchema).toList());
    }

    private static void reject(List<RuleViolation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        ErrorCode code = violations.stream().anyMatch(RuleViolation::isSchema) ? ErrorCode.SCHEMA_INVALID
                : ErrorCode.RULES_INVALID;
        throw new DocumentRejectedException(code, "the transport document breaks " + violations.size()
                + " DCSA eBL 3.0 rule(s); first: " + violations.get(0).toProblem().message(),
                violations.stream().map(RuleViolation::toProblem).toList());
    }

    private static void issuedDates(JsonNode td, List<RuleViolation> out) {
        if (!ISSUED_STATES.contains(td.path("transportDocumentStatus").asText())) {
            return;
        }
        if (!td.has("issueDate")) {
            out.add(RuleViolation.rule("DCSA-TD-ISSUED-DATES", "/issueDate",
                    "an issued transport document needs its issueDate"));
        }
        boolean onBoard = td.has("shippedOnBoardDate");
        boolean received = td.has("receivedForShipmentDate");
        if (onBoard == received) {
            out.add(RuleViolation.rule("DCSA-TD-ISSUED-DATES", onBoard ? "/receivedForShipmentDate"
                    : "/shippedOnBoardDate", "an issued transport document needs exactly one of shippedOnBoardDate "
                    + "and receivedForShipmentDate, found " + (onBoard ? "both" : "neither")));
        }
    }

    /** The date given must match what the document says it is (shipped on board vs received for shipment). */
    private static void shippedOnBoardType(JsonNode td, List<RuleViolation> out) {
        JsonNode type = td.get("isShippedOnBoardType");
        if (type == null || !type.isBoolean()) {
            return;
        }
        if (type.booleanValue() && td.has("receivedForShipmentDate")) {
            out.add(RuleViolation.rule("DCSA-TD-SHIPPED-ON-BOARD-TYPE", "/receivedForShipmentDate",
                    "a shipped-on-board document (isShippedOnBoardType true) has no receivedForShipmentDate"));
        }
        if (!type.booleanValue() && td.has("shippedOnBoardDate")) {
            out.add(RuleViolation.rule("DCSA-TD-SHIPPED-ON-BOARD-TYPE", "/shippedOnBoardDate",
                    "a received-for-shipment document (isShippedOnBoardType false) has no shippedOnBoardDate"));
        }
    }

    private static void originalsAndCopies(JsonNode td, List<RuleViolation> out) {
        String type = td.path("transportDocumentTypeCode").asText();
        if ("SWB".equals(type)) {
            for (String f : List.of("numberOfOriginalsWithCharges", "numberOfOriginalsWithoutCharges")) {
                if (td.has(f)) {
                    out.add(RuleViolation.rule("DCSA-TD-SWB-ORIGINALS", "/" + f,
                            "a sea waybill has no originals; " + f + " applies to bills of lading only"));
                }
            }
        }
        if (!"BOL".equals(type) || !td.path("isElectronic").asBoolean(false)) {
            return;
        }
        long originals = td.path("numberOfOriginalsWithCharges").asLong(0)
                + td.path("numberOfOriginalsWithoutCharges").asLong(0);
        if (originals > 1) {
            out.add(RuleViolation.rule("DCSA-TD-EBL-ORIGINALS", td.has("numberOfOriginalsWithoutCharges")
                    ? "/numberOfOriginalsWithoutCharges" : "/numberOfOriginalsWithCharges",
                    "an electronic bill of lading has at most one original; found " + originals));
        }
        for (String f : List.of("numberOfCopiesWithCharges", "numberOfCopiesWithoutCharges")) {
            if (td.path(f).asLong(0) > 0) {
                out.add(RuleViolation.rule("DCSA-TD-EBL-COPIES", "/" + f,
                        "an electronic bill of lading has no copies; " + f + " is " + td.path(f).asLong()));
            }
        }
    }

    private static void toOrder(JsonNode td, List<RuleViolation> out) {
        JsonNode parties = td.path("documentParties");
        boolean toOrder = td.path("isToOrder").asBoolean(false);
        if (toOrder && "SWB".equals(td.path("transportDocumentTypeCode").asText())) {
            out.add(RuleViolation.rule("DCSA-TD-SWB-NOT-TO-ORDER", "/isToOrder",
                    "a sea waybill is never to order (isToOrder must be false for SWB)"));
        }
        if (!td.path("isToOrder").isBoolean() || !parties.isObject()) {
            return;
        }
        if (toOrder) {
            if (parties.has("consignee")) {
                out.add(RuleViolation.rule("DCSA-TD-TO-ORDER-CONSIGNEE", "/documentParties/consignee",
                        "a to-order bill of lading names no consignee (the endorsee, if any, takes title)"));
            }
            boolean notifyViaParty = parties.path("endorsee").path("isNotifyParty").asBoolean(false)
                    || parties.path("consignee").path("isNotifyParty").asBoolean(false);
            if (parties.path("notifyParties").isEmpty() && !notifyViaParty) {
                out.add(RuleViolation.rule("DCSA-TD-TO-ORDER-NOTIFY", "/documentParties/notifyParties",
                        "a to-order bill of lading needs at least one notify party (or isNotifyParty on the endorsee)"));
            }
        } else {
            if (!parties.has("consignee")) {
                out.add(RuleViolation.rule("DCSA-TD-STRAIGHT-CONSIGNEE", "/documentParties/consignee",
                        "a straight (not to-order) document names its consignee"));
            }
            if (parties.has("endorsee")) {
                out.add(RuleViolation.rule("DCSA-TD-STRAIGHT-ENDORSEE", "/documentParties/endorsee",
                        "only a to-order bill of lading can have an endorsee"));
            }
        }
    }

    private static void declaredValue(JsonNode td, List<RuleViolation> out) {
        boolean value = td.has("declaredValue");
        boolean currency = td.has("declaredValueCurrency");
        if (value && !currency) {
            out.add(RuleViolation.rule("DCSA-TD-DECLARED-VALUE", "/declaredValueCurrency",
                    "declaredValue is given, so declaredValueCurrency is required"));
        }
        if (currency && !value) {
            out.add(RuleViolation.rule("DCSA-TD-DECLARED-VALUE", "/declaredValueCurrency",
                    "declaredValueCurrency must be empty when no declaredValue is given"));
        }
    }

    private static void displayedAddresses(JsonNode td, List<RuleViolation> out) {
        if (!td.path("isElectronic").asBoolean(false)) {
            // paper documents allow 2 lines, but carriers may allow more: not a hard rule, so not checked
            return;
        }
        Map<String, JsonNode> parties = namedParties(td.path("documentParties"));
        for (Map.Entry<String, JsonNode> p : parties.entrySet()) {
            JsonNode lines = p.getValue().path("displayedAddress");
            if (lines.isArray() && lines.size() > 6) {
                out.add(RuleViolation.rule("DCSA-TD-DISPLAYED-ADDRESS", p.getKey() + "/displayedAddress",
                        "an electronic bill of lading displays at most 6 address lines; found " + lines.size()));
            }
        }
    }

    private static void partyAddressOrCode(JsonNode td, List<RuleViolation> out) {
        for (Map.Entry<String, JsonNode> p : namedParties(td.path("documentParties")).entrySet()) {
            if (p.getKey().endsWith("/issuingParty") || p.getKey().endsWith("/carriersAgentAtDestination")
                    || p.getKey().endsWith("/onBehalfOfConsignee")) {
                continue; // the specification states this condition for the other parties only
            }
            JsonNode party = p.getValue();
            if (party.isObject() && !party.has("address") && !party.has("identifyingCodes")) {
                out.add(RuleViolation.rule("DCSA-TD-PARTY-ADDRESS-OR-CODE", p.getKey(),
                        "the party needs an address or an identifying code"));
            }
        }
    }

    private static void otherPartyFunctions(JsonNode td, List<RuleViolation> out) {
        JsonNode other = td.path("documentParties").path("other");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < other.size(); i++) {
            String function = other.path(i).path("partyFunction").asText(null);
            if (function != null && !seen.add(function)) {
                out.add(RuleViolation.rule("DCSA-TD-PARTY-FUNCTION-UNIQUE",
                        "/documentParties/other/" + i + "/partyFunction",
                        "each document party is used at most once; partyFunction " + function + " repeats"));
            }
        }
    }

    private static void equipment(JsonNode td, List<RuleViolation> out) {
        JsonNode utes = td.path("utilizedTransportEquipments");
        Map<String, Integer> declared = new LinkedHashMap<>();
        for (int i = 0; i < utes.size(); i++) {
            JsonNode ute = utes.path(i);
            String base = "/utilizedTransportEquipments/" + i;
            String ref = ute.path("equipment").path("equipmentReference").asText(null);
            if (ref != null && declared.putIfAbsent(ref, i) != null) {
                out.add(RuleViolation.rule("DCSA-TD-EQUIPMENT-UNIQUE", base + "/equipment/equipmentReference",
                        "equipment " + ref + " is listed more than once"));
            }
            if (ute.path("isShipperOwned").asBoolean(false)) {
                for (String f : List.of("ISOEquipmentCode", "tareWeight")) {
                    if (!ute.path("equipment").has(f)) {
                        out.add(RuleViolation.rule("DCSA-TD-SHIPPER-OWNED-EQUIPMENT", base + "/equipment/" + f,
                                "a shipper-owned container (isShipperOwned true) is not in the carrier's fleet, "
                                        + "so its " + f + " must be stated"));
                    }
                }
            }
            reefer(ute, base, out);
        }
        Set<String> used = new HashSet<>();
        JsonNode items = td.path("consignmentItems");
        for (int i = 0; i < items.size(); i++) {
            JsonNode cargo = items.path(i).path("cargoItems");
            for (int j = 0; j < cargo.size(); j++) {
                String ref = cargo.path(j).path("equipmentReference").asText(null);
                if (ref == null) {
                    continue;
                }
                used.add(ref);
                if (!declared.containsKey(ref)) {
                    out.add(RuleViolation.rule("DCSA-TD-CARGO-EQUIPMENT-KNOWN", "/consignmentItems/" + i
                            + "/cargoItems/" + j + "/equipmentReference", "equipment " + ref
                            + " is not among the utilizedTransportEquipments"));
                }
            }
        }
        for (Map.Entry<String, Integer> e : declared.entrySet()) {
            if (!used.contains(e.getKey())) {
                out.add(RuleViolation.rule("DCSA-TD-EQUIPMENT-USED", "/utilizedTransportEquipments/" + e.getValue()
                        + "/equipment/equipmentReference", "equipment " + e.getKey()
                        + " carries no cargo item of this document"));
            }
        }
    }

    private static void reefer(JsonNode ute, String base, List<RuleViolation> out) {
        JsonNode settings = ute.get("activeReeferSettings");
        if (settings == null) {
            return;
        }
        if (ute.path("isNonOperatingReefer").asBoolean(false)) {
            out.add(RuleViolation.rule("DCSA-TD-REEFER", base + "/activeReeferSettings",
                    "a non-operating reefer (isNonOperatingReefer true) has no active reefer settings"));
        } else if (!ute.has("isNonOperatingReefer")) {
            out.add(RuleViolation.rule("DCSA-TD-REEFER", base + "/isNonOperatingReefer",
                    "active reefer settings apply only when isNonOperatingReefer is stated as false"));
        }
        pair(settings, "temperatureSetpoint", "temperatureUnit", base + "/activeReeferSettings", out);
        pair(settings, "airExchangeSetpoint", "airExchangeUnit", base + "/activeReeferSettings", out);
    }

    private static void pair(JsonNode o, String value, String unit, String base, List<RuleViolation> out) {
        if (o.has(value) != o.has(unit)) {
            out.add(RuleViolation.rule("DCSA-TD-REEFER-UNIT", base + "/" + unit, o.has(value)
                    ? unit + " is required with " + value : unit + " must be empty without " + value));
        }
    }

    private static void carriage(JsonNode td, List<RuleViolation> out) {
        JsonNode t = td.path("transports");
        if (t.has("preCarriageBy") && !t.has("placeOfReceipt")) {
            out.add(RuleViolation.rule("DCSA-TD-PRE-CARRIAGE", "/transports/placeOfReceipt",
                    "pre-carriage by the carrier (preCarriageBy) starts at a placeOfReceipt, which is missing"));
        }
        if (t.has("onCarriageBy") && !t.has("placeOfDelivery")) {
            out.add(RuleViolation.rule("DCSA-TD-ON-CARRIAGE", "/transports/placeOfDelivery",
                    "on-carriage by the carrier (onCarriageBy) ends at a placeOfDelivery, which is missing"));
        }
    }

    private static void customsReferencesUnique(JsonNode td, List<RuleViolation> out) {
        unique(td.path("customsReferences"), "/customsReferences", out);
        JsonNode items = td.path("consignmentItems");
        for (int i = 0; i < items.size(); i++) {
            unique(items.path(i).path("customsReferences"), "/consignmentItems/" + i + "/customsReferences", out);
            JsonNode cargo = items.path(i).path("cargoItems");
            for (int j = 0; j < cargo.size(); j++) {
                unique(cargo.path(j).path("customsReferences"), "/consignmentItems/" + i + "/cargoItems/" + j
                        + "/customsReferences", out);
            }
        }
        JsonNode utes = td.path("utilizedTransportEquipments");
        for (int i = 0; i < utes.size(); i++) {
            unique(utes.path(i).path("customsReferences"), "/utilizedTransportEquipments/" + i + "/customsReferences",
                    out);
        }
    }

    private static void unique(JsonNode refs, String base, List<RuleViolation> out) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            String key = refs.path(i).path("countryCode").asText() + "/" + refs.path(i).path("type").asText();
            if (!seen.add(key)) {
                out.add(RuleViolation.rule("DCSA-TD-CUSTOMS-REFERENCE-UNIQUE", base + "/" + i,
                        "customs reference type " + key + " (country/type) appears more than once"));
            }
        }
    }

    /** The document parties by JSON pointer (notify parties and other parties one by one). */
    private static Map<String, JsonNode> namedParties(JsonNode parties) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String role : List.of("shipper", "onBehalfOfShipper", "consignee", "onBehalfOfConsignee", "endorsee",
                "issuingParty", "carriersAgentAtDestination")) {
            if (parties.path(role).isObject()) {
                out.put("/documentParties/" + role, parties.get(role));
            }
        }
        JsonNode notify = parties.path("notifyParties");
        for (int i = 0; i < notify.size(); i++) {
            if (notify.path(i).isObject()) {
                out.put("/documentParties/notifyParties/" + i, notify.path(i));
            }
        }
        JsonNode other = parties.path("other");
        for (int i = 0; i < other.size(); i++) {
            if (other.path(i).path("party").isObject()) {
                out.put("/documentParties/other/" + i + "/party", other.path(i).path("party"));
            }
        }
        return out;
    }
}
