package io.silkgate.schemas.bol;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an eFBL document against the structure of the FIATA eFBL JSON schema (release 20230106): the required
 * properties, the closed property sets of the two top-level objects, the value objects ({@code {"value": ...}}),
 * country codes and non-empty lists. The FIATA schema files carry no licence, so the facts are restated here.
 */
public final class FiataEfblStructure {

    private static final Set<String> ROOT = Set.of("exchanged_document", "supply_chain_consignment");
    private static final Set<String> DOCUMENT = Set.of("id", "additionalIdentifiers", "issueDateTime",
            "originalIssuedQuantity", "documentStatus", "copyIssuedQuantity", "issueLocation", "contractualClause",
            "firstSignatoryAuthentication");
    private static final List<String> DOCUMENT_REQUIRED = List.of("issueDateTime", "originalIssuedQuantity",
            "documentStatus", "issueLocation", "firstSignatoryAuthentication");
    private static final Set<String> CONSIGNMENT = Set.of("totalChargeAmount", "cargoInsuranceProvidedByCTO",
            "insurancePolicyNumber", "insurancePolicyCompany", "numberOfPackages", "declaredValueForCarriageAmount",
            "consignor", "consignee", "ctoAgent", "cto", "notifiedParty", "carrierAcceptanceLocation",
            "consigneeReceiptLocation", "loadingBaseportLocation", "unloadingBaseportLocation",
            "includedConsignmentItem", "mainCarriageTransportMovement", "applicableServiceCharge", "handling");
    /** Properties whose value is an object with a required "value" (text, code, date-time, amount, measure). */
    private static final Set<String> VALUE_OBJECTS = Set.of("issueDateTime", "documentStatus", "text", "name",
            "personName", "telephone", "mobileTelephone", "emailAddress", "languageCode", "typeCode",
            "voyageNumber", "stageCode", "goodsTypeCode", "grossWeight", "grossVolume", "tareWeight",
            "declaredValueForCarriageAmount", "totalChargeAmount", "insuranceValueAmount", "undgId",
            "hazardClassificationId", "paymentArrangementCode", "minimumValue", "maximumValue", "actualDateTime",
            "statement");
    private static final Set<String> NON_EMPTY = Set.of("transportPackage", "identificationText",
            "mainCarriageTransportMovement");

    private FiataEfblStructure() {
    }

    public static List<Problem> check(byte[] json) {
        JsonNode root = SecureJson.parse(json);
        List<Problem> out = new ArrayList<>();
        closed(root, "", ROOT, out);
        for (String f : ROOT) {
            if (!root.has(f)) {
                out.add(problem("/" + f, "'" + f + "' is required"));
            }
        }
        JsonNode doc = root.path("exchanged_document");
        closed(doc, "/exchanged_document", DOCUMENT, out);
        for (String f : DOCUMENT_REQUIRED) {
            if (doc.isObject() && !doc.has(f)) {
                out.add(problem("/exchanged_document/" + f, "'" + f + "' is required by the eFBL schema"));
            }
        }
        if (doc.has("originalIssuedQuantity") && !doc.get("originalIssuedQuantity").isTextual()) {
            out.add(problem("/exchanged_document/originalIssuedQuantity", "must be a string"));
        }
        closed(root.path("supply_chain_consignment"), "/supply_chain_consignment", CONSIGNMENT, out);
        if (root.path("supply_chain_consignment").has("consignee")
                && !root.path("supply_chain_consignment").path("consignee").has("name")) {
            out.add(problem("/supply_chain_consignment/consignee/name", "a consignee needs a name"));
        }
        walk(root, "", out);
        return out;
    }

    private static void closed(JsonNode o, String pointer, Set<String> allowed, List<Problem> out) {
        if (!o.isObject()) {
            if (!o.isMissingNode()) {
                out.add(problem(pointer, "must be an object"));
            }
            return;
        }
        o.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                out.add(problem(pointer + "/" + f, "'" + f + "' is not an eFBL property here"));
            }
        });
    }

    private static void walk(JsonNode n, String pointer, List<Problem> out) {
        if (n.isNull()) {
            out.add(problem(pointer, "null is not allowed"));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), pointer + "/" + i, out);
            }
        } else if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                String p = pointer + "/" + f.getKey();
                JsonNode v = f.getValue();
                if (VALUE_OBJECTS.contains(f.getKey()) && !(v.isObject() && v.has("value"))) {
                    out.add(problem(p, "must be an object with a 'value'"));
                }
                if (NON_EMPTY.contains(f.getKey()) && !(v.isArray() && !v.isEmpty())) {
                    out.add(problem(p, "must be a non-empty array"));
                }
                if ("countryCode".equals(f.getKey()) && !(v.isTextual() && v.textValue().matches("[A-Z]{2}"))) {
                    out.add(problem(p, "must be an ISO 3166 alpha-2 country code"));
                }
                walk(v, p, out);
            }
        }
    }

    private static Problem problem(String pointer, String message) {
        return Problem.at(ErrorCode.SCHEMA_INVALID, "FIATA-EFBL: " + message, pointer);
    }
}
