package io.silkgate.schemas.bol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.SecureJson;
import io.silkgate.schemas.en16931.DroppedTerm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BillOfLadingConverterTest {

    private final BillOfLadingConverter converter = new BillOfLadingConverter("SILKGATE", "VNCUSTOMS",
            Clock.fixed(Instant.parse("2026-05-06T08:30:00Z"), ZoneOffset.UTC));

    @Test
    void iftmcsParsesBackAndCarriesTheMappedFields() {
        ObjectNode td = BolSamples.straight();
        BillOfLadingCopy copy = converter.convert(td, "iftmcs");
        assertEquals("application/EDIFACT", copy.mediaType());
        List<IftmcsStructure.Segment> segments = IftmcsStructure.read(copy.bytes());
        assertEquals(List.of(), IftmcsStructure.check(copy.bytes()));

        IftmcsStructure.Segment unb = first(segments, "UNB", null).orElseThrow();
        assertEquals("UNOY", unb.at(1, 1));
        assertEquals("VNCUSTOMS", unb.at(3, 1));
        assertEquals("20260506", unb.at(4, 1));
        IftmcsStructure.Segment bgm = first(segments, "BGM", null).orElseThrow();
        assertEquals("707", bgm.at(1, 1), "a bill of lading copy, never the original");
        assertEquals("SGSZX2605001", bgm.at(2, 1));
        assertEquals("20260505", first(segments, "DTM", "182").orElseThrow().at(1, 2));
        assertEquals("CNSZX", first(segments, "LOC", "91").orElseThrow().at(2, 1));
        assertEquals("CNYTN", first(segments, "LOC", "9").orElseThrow().at(2, 1));
        assertEquals("VNHPH", first(segments, "LOC", "11").orElseThrow().at(2, 1));
        assertEquals("CNSZX", first(segments, "LOC", "88").orElseThrow().at(2, 1));
        assertEquals("Hai Phong Dinh Vu", first(segments, "LOC", "7").orElseThrow().at(2, 4));
        IftmcsStructure.Segment tdt = first(segments, "TDT", "20").orElseThrow();
        assertEquals("618S", tdt.at(2, 1));
        assertEquals("SILK HARBOUR", tdt.at(8, 4));
        assertEquals("SLKG", tdt.at(5, 1));
        assertEquals("Shenzhen Sample Exporter Co., Ltd.", first(segments, "NAD", "CZ").orElseThrow().at(4, 1));
        IftmcsStructure.Segment cn = first(segments, "NAD", "CN").orElseThrow();
        assertEquals("Hai Phong Sample Importer JSC", cn.at(4, 1));
        assertEquals("12 Le Hong Phong", cn.at(3, 1));
        assertEquals("Dinh Vu Customs Broker", first(segments, "NAD", "N1").orElseThrow().at(4, 1));
        assertEquals("Silk Road Container Line", first(segments, "NAD", "CA").orElseThrow().at(4, 1));
        assertEquals("+86 755 0000 0000", first(segments, "COM", null).orElseThrow().at(1, 1),
                "the '+' separator inside data is released and read back");
        assertEquals(2, count(segments, "GID"));
        assertEquals("240", first(segments, "GID", "1").orElseThrow().at(2, 1));
        assertEquals("Lithium-free power banks, 10000 mAh", first(segments, "FTX", "AAA").orElseThrow().at(4, 1));
        assertEquals("6120.5", first(segments, "MEA", "AAE").orElseThrow().at(3, 2));
        assertEquals("850440", first(segments, "PIA", "5").orElseThrow().at(2, 1));
        assertTrue(first(segments, "FTX", "BLC").orElseThrow().at(4, 1).startsWith("Carriage subject"));
        assertEquals("P", first(segments, "CPI", "4").orElseThrow().at(3, 1));
        IftmcsStructure.Segment eqd = first(segments, "EQD", "CN").orElseThrow();
        assertEquals("SLKU1234565", eqd.at(2, 1));
        assertEquals("45G1", eqd.at(3, 1));
        assertEquals("2", eqd.at(4, 1), "carrier-supplied container");
        assertEquals(List.of("CN2605001", "CN2605002"), segments.stream().filter(s -> "SEL".equals(s.tag()))
                .map(s -> s.at(1, 1)).toList());
        assertEquals("48250", first(segments, "MOA", "44").orElseThrow().at(1, 2));

        assertTrue(copy.carried().containsAll(List.of("/transportDocumentReference", "/issueDate",
                "/transports/portOfLoading", "/documentParties/notifyParties", "/consignmentItems/0/descriptionOfGoods",
                "/utilizedTransportEquipments")), copy.carried()::toString);
        assertDropped(copy, "/isToOrder", "negotiability");
        assertDropped(copy, "envelopeTransferChain", "endorsement chain");
        assertDropped(copy, "issuanceManifestSignedContent", "signatures");
        assertDropped(copy, "/charges/0/calculationBasis", "no element");
    }

    @Test
    void everyValueOfTheSourceIsEitherCarriedOrDropped() {
        for (String target : BillOfLadingConverter.TARGETS) {
            for (ObjectNode td : List.of(BolSamples.straight(), BolSamples.toOrder())) {
                BillOfLadingCopy copy = converter.convert(td, target);
                List<String> terms = new ArrayList<>(copy.carried());
                copy.dropped().stream().map(DroppedTerm::term).filter(t -> t.startsWith("/")).forEach(terms::add);
                for (String leaf : leaves(td, "")) {
                    long covering = terms.stream().filter(t -> leaf.equals(t) || leaf.startsWith(t + "/")).count();
                    assertEquals(1, covering, target + ": " + leaf + " must be reported exactly once");
                }
            }
        }
    }

    @Test
    void toOrderBillBecomesToOrderTextAndTheEndorseeIsDropped() {
        BillOfLadingCopy edi = converter.convert(BolSamples.toOrder(), "iftmcs");
        List<IftmcsStructure.Segment> segments = IftmcsStructure.read(edi.bytes());
        assertEquals("TO ORDER", first(segments, "NAD", "CN").orElseThrow().at(4, 1));
        assertFalse(new String(edi.bytes(), StandardCharsets.UTF_8).contains("Bank of Sample Trade"));
        assertDropped(edi, "/documentParties/endorsee", "endorsee");
        assertDropped(edi, "/isToOrder", "confers no title");

        BillOfLadingCopy fiata = converter.convert(BolSamples.toOrder(), "fiata-efbl");
        JsonNode efbl = SecureJson.parse(fiata.bytes());
        assertEquals("TO ORDER", efbl.at("/supply_chain_consignment/consignee/name/value").asText());
        assertDropped(fiata, "/documentParties/endorsee", "endorsee");
    }

    @Test
    void fiataCopyHasTheEfblStructureAndCarriesTheMappedFields() {
        BillOfLadingCopy copy = converter.convert(BolSamples.straight(), "fiata-efbl");
        assertEquals(List.of(), FiataEfblStructure.check(copy.bytes()));
        JsonNode efbl = SecureJson.parse(copy.bytes());
        assertEquals("SGSZX2605001", efbl.at("/exchanged_document/id").asText());
        assertEquals("2026-05-05", efbl.at("/exchanged_document/issueDateTime/value").asText());
        assertEquals("1", efbl.at("/exchanged_document/originalIssuedQuantity").asText());
        assertEquals("ISSUED", efbl.at("/exchanged_document/documentStatus/value").asText());
        assertEquals("CNSZX", efbl.at("/exchanged_document/issueLocation/id").asText());
        assertTrue(efbl.at("/exchanged_document/firstSignatoryAuthentication/statement/value").asText()
                .contains("carries no title"));
        JsonNode c = efbl.at("/supply_chain_consignment");
        assertEquals("Shenzhen Sample Exporter Co., Ltd.", c.at("/consignor/name/value").asText());
        assertEquals("3003004Q1RIAT6D2M457", c.at("/consignor/id/0/value").asText());
        assertEquals("Hai Phong Sample Importer JSC", c.at("/consignee/name/value").asText());
        assertEquals("Dinh Vu Customs Broker", c.at("/notifiedParty/0/name/value").asText());
        assertEquals("SLKG", c.at("/cto/id/1/value").asText());
        assertEquals("CNSZX", c.at("/carrierAcceptanceLocation/id").asText());
        assertEquals("VNHPH", c.at("/consigneeReceiptLocation/id").asText());
        assertEquals("CNYTN", c.at("/loadingBaseportLocation/id").asText());
        assertEquals("SILK HARBOUR", c.at("/mainCarriageTransportMovement/0/name/value").asText());
        assertEquals("618S", c.at("/mainCarriageTransportMovement/0/voyageNumber/value").asText());
        assertEquals(10200.5, c.at("/includedConsignmentItem/0/grossWeight/value").asDouble(), 0.0001);
        assertEquals("850440", c.at("/includedConsignmentItem/0/goodsTypeCode/value").asText());
        assertEquals(400, c.at("/numberOfPackages").asInt());
        assertEquals("P", c.at("/applicableServiceCharge/0/paymentArrangementCode/value").asText());
        assertEquals(48250, c.at("/declaredValueForCarriageAmount/value").asInt());
        assertEquals("SLKU7654320", c.at("/includedConsignmentItem/0/usedTransportEquipment/1/id/value").asText());
        assertDropped(copy, "/consignmentItems/0/cargoItems/0/cargoGrossVolume", "incomplete");
        assertDropped(copy, "envelopeTransferChain", "endorsement chain");
    }

    @Test
    void fiataStructureCheckCatchesWhatTheSchemaRequires() {
        ObjectNode draft = BolSamples.straight();
        draft.put("transportDocumentStatus", "DRAFT");
        draft.remove("issueDate");
        draft.remove("placeOfIssue");
        BillOfLadingCopy copy = converter.convert(draft, "fiata-efbl");
        List<String> where = FiataEfblStructure.check(copy.bytes()).stream().map(p -> p.location()).toList();
        assertEquals(List.of("/exchanged_document/issueDateTime", "/exchanged_document/issueLocation"), where);
        assertFalse(FiataEfblStructure.check("{\"exchanged_document\":{},\"extra\":1}".getBytes(StandardCharsets.UTF_8))
                .isEmpty());
    }

    @Test
    void reeferAndShipperOwnedEquipmentTravel() {
        ObjectNode td = BolSamples.straight();
        ObjectNode ute = BolSamples.at(td, "/utilizedTransportEquipments/0");
        ute.put("isShipperOwned", true).put("isNonOperatingReefer", false);
        ute.putObject("activeReeferSettings").put("temperatureSetpoint", -18).put("temperatureUnit", "CEL");
        List<IftmcsStructure.Segment> segments = IftmcsStructure.read(converter.convert(td, "iftmcs").bytes());
        assertEquals("1", first(segments, "EQD", "CN").orElseThrow().at(4, 1), "shipper-supplied container");
        IftmcsStructure.Segment tmp = first(segments, "TMP", "2").orElseThrow();
        assertEquals("-18", tmp.at(2, 1));
        assertEquals("CEL", tmp.at(2, 2));
        JsonNode efbl = SecureJson.parse(converter.convert(td, "fiata-efbl").bytes());
        assertEquals(-18, efbl.at("/supply_chain_consignment/handling/handlingInstructions/0/temperatureSetting"
                + "/minimumValue/value").asInt());
    }

    @Test
    void sameFormatCopyIsTheDocumentAndStillValid() {
        ObjectNode td = BolSamples.straight();
        BillOfLadingCopy copy = converter.convert(td, "dcsa-td3");
        assertTrue(td.equals((a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1, SecureJson.parse(copy.bytes())));
        assertFalse(new String(copy.bytes(), StandardCharsets.UTF_8).contains("E+"), "amounts are written plainly");
        assertEquals(List.of(), BillOfLadingConverter.validateOutput("dcsa-td3", copy.bytes()));
        assertEquals(List.of("envelopeTransferChain", "issuanceManifestSignedContent"),
                copy.dropped().stream().map(DroppedTerm::term).toList());
    }

    @Test
    void aBrokenStructureIsRejectedButABrokenConditionalRuleIsCopied() {
        ObjectNode td = BolSamples.straight();
        td.remove("issueDate");
        // a received eBL is copied whatever its issuer wrote: the copy simply has no issue date
        List<IftmcsStructure.Segment> segments = IftmcsStructure.read(converter.convert(td, "iftmcs").bytes());
        assertTrue(first(segments, "DTM", "182").isEmpty(), "no issue date to copy");
        td.remove("transports");
        assertEquals(ErrorCode.SCHEMA_INVALID, assertThrows(DocumentRejectedException.class,
                () -> converter.convert(td, "fiata-efbl")).code());
    }

    @Test
    void controlAndAstralCharactersAreWrittenSoThatTheCopyReadsBack() {
        ObjectNode td = BolSamples.straight();
        td.put("termsAndConditions", "Terms\u0007 with a bell and a \uD83D\uDCE6 parcel, '+:? " + "'".repeat(300));
        List<IftmcsStructure.Segment> segments = IftmcsStructure.read(converter.convert(td, "iftmcs").bytes());
        String terms = segments.stream().filter(s -> s.tag().equals("FTX") && s.at(1, 1).equals("BLC"))
                .map(s -> String.join("", s.elements().get(3))).findFirst().orElseThrow();
        assertTrue(terms.startsWith("Terms  with a bell and a \uFFFD parcel, '+:? '"), terms);
    }

    @Test
    void longTextIsSplitAcrossFtxSegmentsWithoutLoss() {
        ObjectNode td = BolSamples.straight();
        String terms = "Clause. ".repeat(700);
        td.put("termsAndConditions", terms);
        List<IftmcsStructure.Segment> segments = IftmcsStructure.read(converter.convert(td, "iftmcs").bytes());
        String joined = segments.stream().filter(s -> "FTX".equals(s.tag()) && "BLC".equals(s.at(1, 1)))
                .flatMap(s -> s.elements().size() >= 4 ? s.elements().get(3).stream() : java.util.stream.Stream.empty())
                .collect(Collectors.joining());
        assertTrue(joined.startsWith(terms.strip()), "the terms are carried in full");
    }

    private static void assertDropped(BillOfLadingCopy copy, String term, String reasonPart) {
        Optional<DroppedTerm> d = copy.dropped().stream().filter(t -> t.term().equals(term)).findFirst();
        assertTrue(d.isPresent(), () -> term + " not in " + copy.dropped());
        assertTrue(d.get().reason().contains(reasonPart), d.get()::reason);
    }

    private static Optional<IftmcsStructure.Segment> first(List<IftmcsStructure.Segment> segments, String tag,
            String qualifier) {
        return segments.stream().filter(s -> tag.equals(s.tag()) && (qualifier == null
                || qualifier.equals(s.at(1, 1)))).findFirst();
    }

    private static long count(List<IftmcsStructure.Segment> segments, String tag) {
        return segments.stream().filter(s -> tag.equals(s.tag())).count();
    }

    private static List<String> leaves(JsonNode n, String pointer) {
        List<String> out = new ArrayList<>();
        if (!n.isContainerNode() || n.isEmpty()) {
            out.add(pointer);
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                out.addAll(leaves(n.get(i), pointer + "/" + i));
            }
        } else {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                out.addAll(leaves(f.getValue(), pointer + "/" + f.getKey()));
            }
        }
        return out;
    }
}
