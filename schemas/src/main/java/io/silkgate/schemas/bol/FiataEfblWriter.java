package io.silkgate.schemas.bol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.silkgate.schemas.SecureJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a DCSA TransportDocument as FIATA eFBL JSON (release 20230106, UN/CEFACT-derived names): a data copy.
 * The eFBL is registered and signed by FIATA's own service, so the copy says it is unsigned and carries no title.
 */
final class FiataEfblWriter {

    static final String MEDIA_TYPE = "application/json";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String NO_PLACE = "FIATA eFBL has no property for it";

    BillOfLadingCopy write(JsonNode tree, TransportDocument td) {
        CopyCoverage cover = new CopyCoverage(NO_PLACE);
        ObjectNode root = F.objectNode();
        root.set("exchanged_document", document(td, cover));
        root.set("supply_chain_consignment", consignment(td, cover));
        cover.drop("/isToOrder", td.toOrder()
                ? "eFBL has no negotiability flag: the consignee is written as 'TO ORDER', which confers no title"
                : "eFBL has no negotiability flag; the named consignee is carried");
        cover.drop("/isElectronic", "an eFBL data copy is never the electronic original");
        cover.dropOutside("envelopeTransferChain", "the endorsement chain (title transfers) travels only in a DCSA "
                + "PINT envelope; an eFBL copy carries no title");
        cover.dropOutside("issuanceManifestSignedContent", "the carrier's and platforms' JWS signatures cover the DCSA "
                + "JSON; an eFBL is signed by FIATA's registry, not by this copy");
        CopyCoverage.Report report = cover.report(tree);
        try {
            byte[] bytes = SecureJson.mapper().writerWithDefaultPrettyPrinter()
                    .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsBytes(root);
            return new BillOfLadingCopy(bytes, MEDIA_TYPE, report.carried(), report.dropped());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write FIATA eFBL JSON", e);
        }
    }

    private static ObjectNode document(TransportDocument td, CopyCoverage cover) {
        ObjectNode d = F.objectNode();
        d.put("id", td.transportDocumentReference());
        cover.carry("/transportDocumentReference");
        if (td.issueDate() != null) {
            d.set("issueDateTime", F.objectNode().put("value", td.issueDate()).put("format", "YYYY-MM-DD"));
            cover.carry("/issueDate");
        }
        d.put("originalIssuedQuantity", Integer.toString(sum(td.numberOfOriginalsWithCharges(),
                td.numberOfOriginalsWithoutCharges())));
        d.set("documentStatus", F.objectNode().put("value", td.transportDocumentStatus()).put("agency", "DCSA"));
        cover.carry("/transportDocumentStatus");
        d.put("copyIssuedQuantity", sum(td.numberOfCopiesWithCharges(), td.numberOfCopiesWithoutCharges()));
        for (String f : List.of("numberOfOriginalsWithCharges", "numberOfOriginalsWithoutCharges",
                "numberOfCopiesWithCharges", "numberOfCopiesWithoutCharges")) {
            cover.carry("/" + f);
        }
        if (td.placeOfIssue() != null) {
            d.set("issueLocation", location(td.placeOfIssue()));
            cover.carry("/placeOfIssue");
        }
        StringBuilder clauses = new StringBuilder(td.termsAndConditions());
        cover.carry("/termsAndConditions");
        if (td.carrierClauses() != null) {
            td.carrierClauses().forEach(c -> clauses.append("\n\n").append(c));
            cover.carry("/carrierClauses");
        }
        d.set("contractualClause", F.objectNode().set("text", text(clauses.toString())));
        d.set("firstSignatoryAuthentication", F.objectNode().set("statement", text("Unsigned data copy of DCSA "
                + "transport document " + td.transportDocumentReference() + "; it is not an original and carries no "
                + "title")));
        return d;
    }

    private static ObjectNode consignment(TransportDocument td, CopyCoverage cover) {
        ObjectNode c = F.objectNode();
        if (td.declaredValue() != null) {
            c.set("declaredValueForCarriageAmount", amount(td.declaredValue(), td.declaredValueCurrency()));
            cover.carry("/declaredValue");
            cover.carry("/declaredValueCurrency");
        }
        charges(td, c, cover);
        DocumentParties p = td.documentParties();
        c.set("consignor", party(p.shipper(), "/documentParties/shipper", cover));
        if (td.toOrder()) {
            c.set("consignee", F.objectNode().set("name", text("TO ORDER")));
        } else if (p.consignee() != null) {
            c.set("consignee", party(p.consignee(), "/documentParties/consignee", cover));
        }
        if (p.endorsee() != null) {
            cover.drop("/documentParties/endorsee", "UN/CEFACT has no endorsee: title and its transfers stay with the "
                    + "eBL platform (DCSA PINT)");
        }
        if (p.notifyParties() != null) {
            ArrayNode notify = c.putArray("notifiedParty");
            for (int i = 0; i < p.notifyParties().size(); i++) {
                notify.add(party(p.notifyParties().get(i), "/documentParties/notifyParties/" + i, cover));
            }
        }
        ObjectNode cto = party(p.issuingParty(), "/documentParties/issuingParty", cover);
        ArrayNode ids = cto.has("id") ? (ArrayNode) cto.get("id") : cto.putArray("id");
        ids.add(F.objectNode().put("value", td.carrierCode()).put("identificationScheme",
                "SMDG".equals(td.carrierCodeListProvider()) ? "SMDG liner code" : "SCAC")
                .put("identificationSchemeAgency", td.carrierCodeListProvider()));
        cover.carry("/carrierCode");
        cover.carry("/carrierCodeListProvider");
        c.set("cto", cto);
        if (p.carriersAgentAtDestination() != null) {
            c.set("ctoAgent", party(p.carriersAgentAtDestination(), "/documentParties/carriersAgentAtDestination",
                    cover));
        }
        Transports t = td.transports();
        // by UN/CEFACT meaning: the carrier accepts the goods at the place of receipt and the consignee receives
        // them at the place of delivery (the eFBL schema's descriptions have these two labels swapped)
        if (t.placeOfReceipt() != null) {
            c.set("carrierAcceptanceLocation", location(t.placeOfReceipt()));
            cover.carry("/transports/placeOfReceipt");
        }
        if (t.placeOfDelivery() != null) {
            c.set("consigneeReceiptLocation", location(t.placeOfDelivery()));
            cover.carry("/transports/placeOfDelivery");
        }
        c.set("loadingBaseportLocation", location(t.portOfLoading()));
        cover.carry("/transports/portOfLoading");
        c.set("unloadingBaseportLocation", location(t.portOfDischarge()));
        cover.carry("/transports/portOfDischarge");
        ArrayNode movements = c.putArray("mainCarriageTransportMovement");
        for (int i = 0; i < t.vesselVoyages().size(); i++) {
            VesselVoyage v = t.vesselVoyages().get(i);
            movements.addObject()
                    .<ObjectNode>set("typeCode", F.objectNode().put("value", "1").put("agency", "UNECE Rec 19"))
                    .<ObjectNode>set("name", text(v.vesselName()))
                    .<ObjectNode>set("voyageNumber", F.objectNode().put("value", v.carrierExportVoyageNumber()))
                    .set("stageCode", F.objectNode().put("value", "20").put("agency", "UNCL 8051"));
            cover.carry("/transports/vesselVoyages/" + i + "/vesselName");
            cover.carry("/transports/vesselVoyages/" + i + "/carrierExportVoyageNumber");
        }
        items(td, c, cover);
        return c;
    }

    private static void charges(TransportDocument td, ObjectNode c, CopyCoverage cover) {
        if (td.charges() != null && !td.charges().isEmpty()) {
            Set<String> currencies = new LinkedHashSet<>();
            BigDecimal total = BigDecimal.ZERO;
            for (Charge ch : td.charges()) {
                currencies.add(ch.currencyCode());
                total = total.add(ch.currencyAmount());
            }
            if (currencies.size() == 1) {
                c.set("totalChargeAmount", amount(total, currencies.iterator().next()));
                for (int i = 0; i < td.charges().size(); i++) {
                    cover.carry("/charges/" + i + "/currencyAmount");
                    cover.carry("/charges/" + i + "/currencyCode");
                }
            }
            cover.drop("/charges", "eFBL holds the total charge amount (one currency) only, not the charge lines");
        }
        if (td.freightPaymentTermCode() != null || td.invoicePayableAt() != null) {
            ObjectNode service = c.putArray("applicableServiceCharge").addObject();
            if (td.freightPaymentTermCode() != null) {
                service.set("paymentArrangementCode", F.objectNode().put("value", "PRE".equals(
                        td.freightPaymentTermCode()) ? "P" : "C").put("agency", "UNCL 4237"));
                cover.carry("/freightPaymentTermCode");
            }
            if (td.invoicePayableAt() != null) {
                service.set("paymentPlace", location(td.invoicePayableAt()));
                cover.carry("/invoicePayableAt");
            }
        }
    }

    private static void items(TransportDocument td, ObjectNode c, CopyCoverage cover) {
        Map<String, Integer> equipmentIndex = new LinkedHashMap<>();
        for (int i = 0; i < td.utilizedTransportEquipments().size(); i++) {
            equipmentIndex.put(td.utilizedTransportEquipments().get(i).equipment().equipmentReference(), i);
        }
        ArrayNode out = c.putArray("includedConsignmentItem");
        long packages = 0;
        List<ObjectNode> temperatures = new ArrayList<>();
        for (int i = 0; i < td.consignmentItems().size(); i++) {
            ConsignmentItem item = td.consignmentItems().get(i);
            String base = "/consignmentItems/" + i;
            ObjectNode o = out.addObject();
            List<String> hs = item.extendedHSCodes() != null ? item.extendedHSCodes() : item.hsCodes();
            o.set("goodsTypeCode", F.objectNode().put("value", hs.get(0)).put("agency", "WCO HS"));
            String hsField = item.extendedHSCodes() != null ? "/extendedHSCodes" : "/HSCodes";
            cover.carry(base + hsField + "/0");
            for (int k = 1; k < hs.size(); k++) {
                cover.drop(base + hsField + "/" + k, "eFBL holds one goods type code per consignment item");
            }
            if (item.extendedHSCodes() != null) {
                cover.drop(base + "/HSCodes", "superseded by extendedHSCodes (DCSA: HSCodes are ignored)");
            }
            Measure weight = total(item.cargoItems().stream().map(CargoItem::cargoGrossWeight).toList());
            if (weight != null) {
                o.set("grossWeight", F.objectNode().put("value", weight.value()).put("unit", weight.unit()));
                for (int j = 0; j < item.cargoItems().size(); j++) {
                    cover.carry(base + "/cargoItems/" + j + "/cargoGrossWeight");
                }
            }
            Measure volume = total(item.cargoItems().stream().map(CargoItem::cargoGrossVolume).toList());
            if (volume == null) {
                for (int j = 0; j < item.cargoItems().size(); j++) {
                    cover.drop(base + "/cargoItems/" + j + "/cargoGrossVolume", "eFBL holds one gross volume per "
                            + "consignment item; the cargo items' volumes are incomplete or in different units");
                }
            } else {
                o.set("grossVolume", F.objectNode().put("value", volume.value()).put("unit", volume.unit()));
                for (int j = 0; j < item.cargoItems().size(); j++) {
                    cover.carry(base + "/cargoItems/" + j + "/cargoGrossVolume");
                }
            }
            ArrayNode lines = o.putObject("cargoNatureIdentification").putArray("identificationText");
            item.descriptionOfGoods().forEach(l -> lines.add(text(l)));
            cover.carry(base + "/descriptionOfGoods");
            ArrayNode dangerous = F.arrayNode();
            ArrayNode packs = o.putArray("transportPackage");
            ArrayNode used = F.arrayNode();
            Set<String> seen = new LinkedHashSet<>();
            for (int j = 0; j < item.cargoItems().size(); j++) {
                CargoItem cargo = item.cargoItems().get(j);
                String cbase = base + "/cargoItems/" + j;
                OuterPackaging pack = cargo.outerPackaging();
                ObjectNode po = packs.addObject().put("itemQuantity", pack.numberOfPackages());
                packages += pack.numberOfPackages();
                if (pack.packageCode() != null) {
                    po.set("typeCode", F.objectNode().put("value", pack.packageCode()).put("agency", "UNECE Rec 21"));
                }
                po.put("typeText", pack.description());
                if (j == 0 && item.shippingMarks() != null) {
                    ArrayNode marks = po.putArray("shippingMarks");
                    item.shippingMarks().forEach(marks::add);
                    cover.carry(base + "/shippingMarks");
                }
                cover.carry(cbase + "/outerPackaging/numberOfPackages");
                cover.carry(cbase + "/outerPackaging/packageCode");
                cover.carry(cbase + "/outerPackaging/description");
                if (pack.dangerousGoods() != null) {
                    for (int k = 0; k < pack.dangerousGoods().size(); k++) {
                        DangerousGoods dg = pack.dangerousGoods().get(k);
                        ObjectNode d = dangerous.addObject();
                        String dbase = cbase + "/outerPackaging/dangerousGoods/" + k;
                        if (dg.unNumber() != null) {
                            d.set("undgId", F.objectNode().put("value", dg.unNumber()));
                            cover.carry(dbase + "/UNNumber");
                        }
                        d.set("hazardClassificationId", F.objectNode().put("value", dg.imoClass()));
                        cover.carry(dbase + "/imoClass");
                    }
                }
                Integer u = equipmentIndex.get(cargo.equipmentReference());
                if (u != null && seen.add(cargo.equipmentReference())) {
                    used.add(equipment(td.utilizedTransportEquipments().get(u), "/utilizedTransportEquipments/" + u,
                            cover, temperatures));
                }
                cover.carry(cbase + "/equipmentReference");
            }
            if (!dangerous.isEmpty()) {
                o.set("transportDangerousGoods", dangerous);
            }
            if (!used.isEmpty()) {
                o.set("usedTransportEquipment", used);
            }
        }
        c.put("numberOfPackages", packages);
        if (!temperatures.isEmpty()) {
            ArrayNode instructions = c.putObject("handling").putArray("handlingInstructions");
            temperatures.forEach(instructions::add);
        }
    }

    private static ObjectNode equipment(UtilizedTransportEquipment ute, String base, CopyCoverage cover,
            List<ObjectNode> temperatures) {
        ObjectNode e = F.objectNode();
        e.set("id", F.objectNode().put("value", ute.equipment().equipmentReference()));
        cover.carry(base + "/equipment/equipmentReference");
        ArrayNode seals = e.putArray("affixedSeal");
        for (int k = 0; k < ute.seals().size(); k++) {
            seals.add(F.objectNode().put("value", ute.seals().get(k).number()));
            cover.carry(base + "/seals/" + k + "/number");
        }
        e.put("sealQuantity", ute.seals().size());
        Measure tare = ute.equipment().tareWeight();
        if (tare != null) {
            e.set("tareWeight", F.objectNode().put("value", tare.value()).put("unit", tare.unit()));
            cover.carry(base + "/equipment/tareWeight");
        }
        ActiveReeferSettings r = ute.activeReeferSettings();
        if (r != null && r.temperatureSetpoint() != null) {
            ObjectNode setting = F.objectNode();
            setting.set("minimumValue", F.objectNode().put("value", r.temperatureSetpoint()).put("unit",
                    r.temperatureUnit()));
            setting.set("maximumValue", F.objectNode().put("value", r.temperatureSetpoint()).put("unit",
                    r.temperatureUnit()));
            temperatures.add(F.objectNode().set("temperatureSetting", setting));
            cover.carry(base + "/activeReeferSettings/temperatureSetpoint");
            cover.carry(base + "/activeReeferSettings/temperatureUnit");
        }
        return e;
    }

    private static ObjectNode party(Party p, String base, CopyCoverage cover) {
        ObjectNode o = F.objectNode();
        if (p.identifyingCodes() != null && !p.identifyingCodes().isEmpty()) {
            ArrayNode ids = o.putArray("id");
            for (IdentifyingCode code : p.identifyingCodes()) {
                ObjectNode id = ids.addObject().put("value", code.partyCode());
                if (code.codeListName() != null) {
                    id.put("identificationScheme", code.codeListName());
                }
                id.put("identificationSchemeAgency", code.codeListProvider());
            }
            cover.carry(base + "/identifyingCodes");
        }
        o.set("name", text(p.partyName()));
        cover.carry(base + "/partyName");
        if (p.partyContactDetails() != null && !p.partyContactDetails().isEmpty()) {
            PartyContactDetail c = p.partyContactDetails().get(0);
            ObjectNode contact = o.putObject("definedContactDetails");
            contact.set("personName", text(c.name()));
            if (c.phone() != null) {
                contact.set("telephone", text(c.phone()));
            }
            if (c.email() != null) {
                contact.set("emailAddress", F.objectNode().put("value", c.email()));
            }
            cover.carry(base + "/partyContactDetails/0");
            for (int i = 1; i < p.partyContactDetails().size(); i++) {
                cover.drop(base + "/partyContactDetails/" + i, "eFBL holds one contact per party");
            }
        }
        Address a = p.address();
        if (a != null) {
            ObjectNode addr = o.putObject("postalAddress");
            if (a.postCode() != null) {
                addr.put("postcode", a.postCode());
            }
            addr.put("streetName", a.streetNumber() == null ? a.street() : a.street() + " " + a.streetNumber());
            addr.put("cityName", a.city());
            addr.put("countryCode", a.countryCode());
            if (a.stateRegion() != null) {
                addr.put("countrySubDivisionName", a.stateRegion());
            }
            for (String f : List.of("street", "streetNumber", "postCode", "city", "countryCode", "stateRegion")) {
                cover.carry(base + "/address/" + f);
            }
        }
        if (p.taxLegalReferences() != null && !p.taxLegalReferences().isEmpty()) {
            ArrayNode tax = o.putArray("taxRegistration");
            for (TaxLegalReference t : p.taxLegalReferences()) {
                tax.addObject().put("value", t.value()).put("identificationScheme", t.type())
                        .put("identificationSchemeAgency", t.countryCode());
            }
            cover.carry(base + "/taxLegalReferences");
        }
        return o;
    }

    private static ObjectNode location(Location l) {
        ObjectNode o = F.objectNode();
        if (l.unLocationCode() != null) {
            o.put("id", l.unLocationCode());
        }
        String name = l.locationName() != null ? l.locationName() : l.freeText();
        if (name == null && l.city() != null) {
            name = l.city().city();
        }
        if (name != null) {
            o.set("name", text(name));
        }
        String country = l.countryCode() != null ? l.countryCode()
                : l.unLocationCode() != null ? l.unLocationCode().substring(0, 2)
                : l.city() != null ? l.city().countryCode() : null;
        if (country != null) {
            o.put("countryCode", country);
        }
        return o;
    }

    /** The sum of measures when they share one unit, else null. */
    private static Measure total(List<Measure> measures) {
        BigDecimal sum = BigDecimal.ZERO;
        String unit = null;
        for (Measure m : measures) {
            if (m == null || (unit != null && !unit.equals(m.unit()))) {
                return null;
            }
            unit = m.unit();
            sum = sum.add(m.value());
        }
        return unit == null ? null : new Measure(sum, unit);
    }

    private static ObjectNode text(String value) {
        return F.objectNode().put("value", value);
    }

    private static ObjectNode amount(BigDecimal value, String currency) {
        return F.objectNode().put("value", value).put("currency", currency);
    }

    private static int sum(Integer a, Integer b) {
        return (a == null ? 0 : a) + (b == null ? 0 : b);
    }
}
