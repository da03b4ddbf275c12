package io.silkgate.schemas.bol;

import com.fasterxml.jackson.databind.JsonNode;
import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes a DCSA TransportDocument as a UN/EDIFACT IFTMCS D99B interchange (syntax 4, UNOY = ISO 10646, written as
 * UTF-8) with StAEDI, which validates the control segments while writing: a
 * data copy for customs and notify parties, never a title document (BGM 707, bill of lading copy). Qualifiers
 * follow common ITIGG/SMDG usage; a partner's implementation guide may ask for others.
 */
final class IftmcsWriter {

    static final String MEDIA_TYPE = "application/EDIFACT";

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    private static final Map<String, String> MODES = Map.of("VESSEL", "1", "RAIL", "2", "TRUCK", "3", "BARGE", "8",
            "MULTIMODAL", "6");
    private static final Map<String, String> SEAL_PARTIES = Map.of("CAR", "CA", "SHI", "SH", "VET", "AC", "CUS",
            "CU");
    private static final String NO_PLACE = "IFTMCS has no element for it in this mapping";
    private static final int FREE_TEXT = 250;

    private final String sender;
    private final String recipient;
    private final Clock clock;

    IftmcsWriter(String sender, String recipient, Clock clock) {
        this.sender = sender;
        this.recipient = recipient;
        this.clock = clock;
    }

    BillOfLadingCopy write(JsonNode tree, TransportDocument td) {
        CopyCoverage cover = new CopyCoverage(NO_PLACE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.TRUNCATE_EMPTY_ELEMENTS, true);
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        try (EDIStreamWriter w = factory.createEDIStreamWriter(out, StandardCharsets.UTF_8.name())) {
            w.setControlSchema(SchemaFactory.newFactory().getControlSchema(EDIStreamConstants.Standards.EDIFACT,
                    new String[] {"UNOY", "4"}));
            Segments s = new Segments(w);
            ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
            String control = now.format(DateTimeFormatter.ofPattern("yyMMddHHmmss"));
            w.startInterchange();
            s.write("UNB", c("UNOY", "4"), c(sender, "ZZZ"), c(recipient, "ZZZ"),
                    c(now.format(CCYYMMDD), now.format(HHMM)), control);
            s.count = 0;
            s.write("UNH", "1", c("IFTMCS", "D", "99B", "UN"));
            message(s, td, cover, now);
            s.write("UNT", Integer.toString(s.count + 1), "1");
            s.write("UNZ", "1", control);
            w.endInterchange();
        } catch (EDIStreamException | EDISchemaException e) {
            throw new IllegalStateException("could not write IFTMCS: " + e.getMessage(), e);
        }
        titleCannotTravel(td, cover);
        CopyCoverage.Report report = cover.report(tree);
        return new BillOfLadingCopy(out.toByteArray(), MEDIA_TYPE, report.carried(), report.dropped());
    }

    private static void message(Segments s, TransportDocument td, CopyCoverage cover, ZonedDateTime now)
            throws EDIStreamException {
        boolean swb = "SWB".equals(td.transportDocumentTypeCode());
        // 707 = bill of lading copy: the EDIFACT message is a data copy and must never pass for the original
        s.write("BGM", swb ? "710" : "707", td.transportDocumentReference(),
                "VOIDED".equals(td.transportDocumentStatus()) ? "1" : "9");
        cover.carry("/transportDocumentReference");
        cover.carry("/transportDocumentTypeCode");
        cover.drop("/transportDocumentStatus", "BGM message function (9 original, 1 cancellation) cannot express the "
                + "DCSA document status");
        s.write("DTM", c("137", now.format(STAMP), "203"));
        if (td.declaredValue() != null) {
            s.write("MOA", c("44", plain(td.declaredValue()), td.declaredValueCurrency()));
            cover.carry("/declaredValue");
            cover.carry("/declaredValueCurrency");
        }
        // 4440 holds 512 characters, but StAEDI's element buffer stops short of that, and release characters may
        // double a piece: 250 keeps clear of both
        freeText(s, "BLC", td.termsAndConditions(), FREE_TEXT);
        cover.carry("/termsAndConditions");
        if (td.carrierClauses() != null) {
            for (String clause : td.carrierClauses()) {
                freeText(s, "BLC", clause, FREE_TEXT);
            }
            cover.carry("/carrierClauses");
        }
        if (!swb && (td.numberOfOriginalsWithCharges() != null || td.numberOfOriginalsWithoutCharges() != null
                || td.numberOfCopiesWithCharges() != null || td.numberOfCopiesWithoutCharges() != null)) {
            s.write("DOC", c("706"), null, null, Integer.toString(sum(td.numberOfCopiesWithCharges(),
                    td.numberOfCopiesWithoutCharges())), Integer.toString(sum(td.numberOfOriginalsWithCharges(),
                    td.numberOfOriginalsWithoutCharges())));
            for (String f : List.of("numberOfOriginalsWithCharges", "numberOfOriginalsWithoutCharges",
                    "numberOfCopiesWithCharges", "numberOfCopiesWithoutCharges")) {
                cover.carry("/" + f);
            }
        }
        if (td.placeOfIssue() != null) {
            location(s, "91", td.placeOfIssue());
            cover.carry("/placeOfIssue");
        }
        if (td.issueDate() != null) {
            s.write("DTM", c("182", td.issueDate().replace("-", ""), "102"));
            cover.carry("/issueDate");
        }
        s.write("RFF", c("BM", td.transportDocumentReference()));
        if (td.shippingInstructionsReference() != null) {
            s.write("RFF", c("SI", td.shippingInstructionsReference()));
            cover.carry("/shippingInstructionsReference");
        }
        if (td.serviceContractReference() != null) {
            s.write("RFF", c("CT", td.serviceContractReference()));
            cover.carry("/serviceContractReference");
        }
        payment(s, td, cover);
        charges(s, td, cover);
        transport(s, td, cover);
        parties(s, td, cover);
        goods(s, td, cover);
        equipment(s, td, cover);
    }

    private static void payment(Segments s, TransportDocument td, CopyCoverage cover) throws EDIStreamException {
        String term = td.freightPaymentTermCode() == null ? null : "PRE".equals(td.freightPaymentTermCode()) ? "P" : "C";
        s.write("CPI", c("4"), null, term);
        if (term != null) {
            cover.carry("/freightPaymentTermCode");
        }
        if (td.invoicePayableAt() != null) {
            location(s, "57", td.invoicePayableAt());
            cover.carry("/invoicePayableAt");
        }
    }

    private static void charges(Segments s, TransportDocument td, CopyCoverage cover) throws EDIStreamException {
        if (td.charges() == null) {
            return;
        }
        for (int i = 0; i < td.charges().size(); i++) {
            Charge c = td.charges().get(i);
            String name = c.extendedChargeName() != null ? c.extendedChargeName() : c.chargeName();
            s.write("TCC", c(null, null, null, cut(name, 35), "PRE".equals(c.paymentTermCode()) ? "P" : "C"));
            s.write("PRI", c("CAL", plain(c.unitPrice())));
            s.write("MOA", c("23", plain(c.currencyAmount()), c.currencyCode()));
            s.write("QTY", c("1", plain(c.quantity())));
            String base = "/charges/" + i;
            for (String f : List.of("currencyAmount", "currencyCode", "paymentTermCode", "unitPrice", "quantity")) {
                cover.carry(base + "/" + f);
            }
            if (c.extendedChargeName() != null) {
                cover.carry(base + "/extendedChargeName");
                cover.drop(base + "/chargeName", "superseded by extendedChargeName (DCSA: chargeName is ignored)");
            } else {
                cover.carry(base + "/chargeName");
            }
            if (name.length() > 35) {
                cover.drop(base + (c.extendedChargeName() != null ? "/extendedChargeName" : "/chargeName"),
                        "TCC holds 35 characters of the charge name; the rest is cut");
            }
        }
    }

    private static void transport(Segments s, TransportDocument td, CopyCoverage cover) throws EDIStreamException {
        Transports t = td.transports();
        if (t.preCarriageBy() != null) {
            s.write("TDT", "10", null, c(MODES.get(t.preCarriageBy())));
            cover.carry("/transports/preCarriageBy");
        }
        List<VesselVoyage> voyages = t.vesselVoyages();
        for (int i = 0; i < voyages.size(); i++) {
            VesselVoyage v = voyages.get(i);
            // carrier code in C040: SCAC (3055 = 182) or SMDG liner code (3055 = 306)
            s.write("TDT", "20", v.carrierExportVoyageNumber(), c("1"), null,
                    c(td.carrierCode(), "172", "SMDG".equals(td.carrierCodeListProvider()) ? "306" : "182"),
                    null, null, c(null, null, null, cut(v.vesselName(), 35)));
            cover.carry("/transports/vesselVoyages/" + i + "/vesselName");
            cover.carry("/transports/vesselVoyages/" + i + "/carrierExportVoyageNumber");
            if (i > 0) {
                continue;
            }
            cover.carry("/carrierCode");
            cover.carry("/carrierCodeListProvider");
            if (td.shippedOnBoardDate() != null) {
                // actual departure from the port of loading is how IFTMCS users commonly carry "shipped on board"
                s.write("DTM", c("186", td.shippedOnBoardDate().replace("-", ""), "102"));
                cover.carry("/shippedOnBoardDate");
            }
            if (td.receivedForShipmentDate() != null) {
                s.write("DTM", c("200", td.receivedForShipmentDate().replace("-", ""), "102"));
                cover.carry("/receivedForShipmentDate");
            }
            cover.carry("/isShippedOnBoardType");
            if (t.placeOfReceipt() != null) {
                location(s, "88", t.placeOfReceipt());
                cover.carry("/transports/placeOfReceipt");
            }
            location(s, "9", t.portOfLoading());
            cover.carry("/transports/portOfLoading");
            s.write("DTM", c("133", t.plannedDepartureDate().replace("-", ""), "102"));
            cover.carry("/transports/plannedDepartureDate");
            location(s, "11", t.portOfDischarge());
            cover.carry("/transports/portOfDischarge");
            s.write("DTM", c("132", t.plannedArrivalDate().replace("-", ""), "102"));
            cover.carry("/transports/plannedArrivalDate");
            if (t.placeOfDelivery() != null) {
                location(s, "7", t.placeOfDelivery());
                cover.carry("/transports/placeOfDelivery");
            }
        }
        if (t.onCarriageBy() != null) {
            s.write("TDT", "30", null, c(MODES.get(t.onCarriageBy())));
            cover.carry("/transports/onCarriageBy");
        }
    }

    private static void location(Segments s, String qualifier, Location l) throws EDIStreamException {
        String name = l.locationName() != null ? l.locationName() : l.freeText();
        if (name == null && l.city() != null) {
            name = l.city().city();
        }
        if (l.unLocationCode() != null) {
            s.write("LOC", qualifier, c(l.unLocationCode(), "139", "6", cut(name, 256)));
        } else if (l.countryCode() != null) {
            s.write("LOC", qualifier, c(l.countryCode(), "162", "5", cut(name, 256)));
        } else {
            s.write("LOC", qualifier, c(null, null, null, cut(name, 256)));
        }
    }

    private static void parties(Segments s, TransportDocument td, CopyCoverage cover) throws EDIStreamException {
        DocumentParties p = td.documentParties();
        party(s, "CZ", p.shipper(), "/documentParties/shipper", cover);
        if (td.toOrder()) {
            // the negotiable form has no consignee; EDIFACT users write the words instead, which confer no title
            s.write("NAD", "CN", null, null, c("TO ORDER"));
        } else if (p.consignee() != null) {
            party(s, "CN", p.consignee(), "/documentParties/consignee", cover);
        }
        if (p.notifyParties() != null) {
            String[] qualifiers = {"N1", "N2", "NI"};
            for (int i = 0; i < p.notifyParties().size() && i < qualifiers.length; i++) {
                party(s, qualifiers[i], p.notifyParties().get(i), "/documentParties/notifyParties/" + i, cover);
            }
        }
        party(s, "CA", p.issuingParty(), "/documentParties/issuingParty", cover);
        if (p.endorsee() != null) {
            cover.drop("/documentParties/endorsee", "EDIFACT has no endorsee: title and its transfers stay with the "
                    + "eBL platform (DCSA PINT)");
        }
    }

    private static void party(Segments s, String qualifier, Party party, String base, CopyCoverage cover)
            throws EDIStreamException {
        List<String> id = null;
        if (party.identifyingCodes() != null && !party.identifyingCodes().isEmpty()) {
            IdentifyingCode code = party.identifyingCodes().get(0);
            id = c(cut(code.partyCode(), 35), null, "ZZZ");
            cover.carry(base + "/identifyingCodes/0/partyCode");
            for (int i = 1; i < party.identifyingCodes().size(); i++) {
                cover.drop(base + "/identifyingCodes/" + i, "NAD C082 holds one party identifier");
            }
        }
        String[] displayed = null;
        if (party.displayedAddress() != null && !party.displayedAddress().isEmpty()) {
            displayed = party.displayedAddress().stream().limit(5).toArray(String[]::new);
            for (int i = 0; i < party.displayedAddress().size(); i++) {
                if (i < 5) {
                    cover.carry(base + "/displayedAddress/" + i);
                } else {
                    cover.drop(base + "/displayedAddress/" + i, "NAD C058 holds five address lines");
                }
            }
        }
        String[] name = chunks(party.partyName(), 35, 5);
        cover.carry(base + "/partyName");
        Address a = party.address();
        String[] street = null;
        String city = null;
        List<String> region = null;
        String postCode = null;
        String country = null;
        if (a != null) {
            List<String> lines = new ArrayList<>();
            lines.add(cut(join(a.street(), a.streetNumber()), 35));
            if (a.floor() != null) {
                lines.add(cut(a.floor(), 35));
            }
            if (a.poBox() != null) {
                lines.add(cut("PO Box " + a.poBox(), 35));
            }
            street = lines.toArray(String[]::new);
            city = cut(a.city(), 35);
            region = a.stateRegion() == null ? null : c(null, null, null, cut(a.stateRegion(), 70));
            postCode = a.postCode();
            country = a.countryCode();
            cover.carry(base + "/address");
            if (a.unLocationCode() != null) {
                cover.drop(base + "/address/UNLocationCode", NO_PLACE);
            }
        }
        s.write("NAD", qualifier, id, c(displayed), c(name), c(street), city, region, postCode, country);
        if (party.partyContactDetails() != null) {
            for (int i = 0; i < party.partyContactDetails().size(); i++) {
                contact(s, party.partyContactDetails().get(i));
                cover.carry(base + "/partyContactDetails/" + i);
            }
        }
    }

    private static void contact(Segments s, PartyContactDetail c) throws EDIStreamException {
        s.write("CTA", "IC", c(null, cut(c.name(), 256)));
        if (c.phone() != null) {
            s.write("COM", c(c.phone(), "TE"));
        }
        if (c.email() != null) {
            s.write("COM", c(c.email(), "EM"));
        }
    }

    private static void goods(Segments s, TransportDocument td, CopyCoverage cover) throws EDIStreamException {
        int number = 0;
        for (int i = 0; i < td.consignmentItems().size(); i++) {
            ConsignmentItem item = td.consignmentItems().get(i);
            String base = "/consignmentItems/" + i;
            for (int j = 0; j < item.cargoItems().size(); j++) {
                CargoItem cargo = item.cargoItems().get(j);
                String cbase = base + "/cargoItems/" + j;
                OuterPackaging pack = cargo.outerPackaging();
                number++;
                s.write("GID", Integer.toString(number), c(Integer.toString(pack.numberOfPackages()),
                    pack.packageCode(), null, pack.packageCode() == null ? null : "6", cut(pack.description(), 35)));
                cover.carry(cbase + "/outerPackaging/numberOfPackages");
                cover.carry(cbase + "/outerPackaging/packageCode");
                cover.carry(cbase + "/outerPackaging/description");
                List<String> hs = item.extendedHSCodes() != null ? item.extendedHSCodes() : item.hsCodes();
                for (String code : hs) {
                    s.write("PIA", "5", c(code, "HS"));
                }
                if (item.extendedHSCodes() != null) {
                    cover.carry(base + "/extendedHSCodes");
                    cover.drop(base + "/HSCodes", "superseded by extendedHSCodes (DCSA: HSCodes are ignored)");
                } else {
                    cover.carry(base + "/HSCodes");
                }
                for (String[] lines : groups(item.descriptionOfGoods(), 5)) {
                    s.write("FTX", "AAA", null, null, c(lines));
                }
                cover.carry(base + "/descriptionOfGoods");
                s.write("MEA", "AAE", "G", c(cargo.cargoGrossWeight().unit(),
                    plain(cargo.cargoGrossWeight().value())));
                cover.carry(cbase + "/cargoGrossWeight");
                if (cargo.cargoGrossVolume() != null) {
                    s.write("MEA", "AAE", "AAW", c(cargo.cargoGrossVolume().unit(),
                        plain(cargo.cargoGrossVolume().value())));
                    cover.carry(cbase + "/cargoGrossVolume");
                }
                s.write("RFF", c("BN", item.carrierBookingReference()));
                cover.carry(base + "/carrierBookingReference");
                if (item.shippingMarks() != null && !item.shippingMarks().isEmpty()) {
                    for (String[] marks : groups(item.shippingMarks(), 10)) {
                        s.write("PCI", "24", c(marks));
                    }
                    cover.carry(base + "/shippingMarks");
                }
                s.write("SGP", c(cargo.equipmentReference()), Integer.toString(pack.numberOfPackages()));
                cover.carry(cbase + "/equipmentReference");
                if (pack.dangerousGoods() != null) {
                    for (int k = 0; k < pack.dangerousGoods().size(); k++) {
                        dangerousGoods(s, pack.dangerousGoods().get(k), cbase + "/outerPackaging/dangerousGoods/" + k,
                                cover);
                    }
                }
            }
        }
    }

    private static void dangerousGoods(Segments s, DangerousGoods dg, String base, CopyCoverage cover)
            throws EDIStreamException {
        String un = dg.unNumber();
        s.write("DGS", "IMD", c(dg.imoClass()), un == null ? null : c(un), null,
                dg.packingGroup() == null ? null : dg.packingGroup().toString(), dg.emsNumber());
        s.write("FTX", "AAD", null, null, c(chunks(dg.properShippingName(), FREE_TEXT, 5)));
        for (String f : List.of("UNNumber", "imoClass", "packingGroup", "EMSNumber", "properShippingName")) {
            cover.carry(base + "/" + f);
        }
        if (dg.naNumber() != null) {
            cover.drop(base + "/NANumber", "DGS C234 holds UN numbers only");
        }
    }

    private static void equipment(Segments s, TransportDocument td, CopyCoverage cover) throws EDIStreamException {
        for (int i = 0; i < td.utilizedTransportEquipments().size(); i++) {
            UtilizedTransportEquipment ute = td.utilizedTransportEquipments().get(i);
            Equipment e = ute.equipment();
            String base = "/utilizedTransportEquipments/" + i;
            // 8077: 1 = shipper supplied (SOC), 2 = carrier supplied
            s.write("EQD", "CN", c(e.equipmentReference()), e.isoEquipmentCode() == null ? null
                    : c(e.isoEquipmentCode(), "102", "5"), Boolean.TRUE.equals(ute.isShipperOwned()) ? "1"
                    : "2", null, "5");
            cover.carry(base + "/equipment/equipmentReference");
            cover.carry(base + "/equipment/ISOEquipmentCode");
            cover.carry(base + "/isShipperOwned");
            if (e.tareWeight() != null) {
                s.write("MEA", "AAE", "T", c(e.tareWeight().unit(), plain(e.tareWeight().value())));
                cover.carry(base + "/equipment/tareWeight");
            }
            for (int k = 0; k < ute.seals().size(); k++) {
                Seal seal = ute.seals().get(k);
                s.write("SEL", seal.number(), seal.source() == null ? null : c(SEAL_PARTIES.get(seal.source())));
                cover.carry(base + "/seals/" + k);
            }
            ActiveReeferSettings r = ute.activeReeferSettings();
            if (r != null && r.temperatureSetpoint() != null) {
                s.write("TMP", "2", c(plain(r.temperatureSetpoint()), r.temperatureUnit()));
                cover.carry(base + "/activeReeferSettings/temperatureSetpoint");
                cover.carry(base + "/activeReeferSettings/temperatureUnit");
            }
        }
    }

    private static void titleCannotTravel(TransportDocument td, CopyCoverage cover) {
        cover.drop("/isToOrder", td.toOrder()
                ? "EDIFACT has no negotiability flag: the consignee is written as 'TO ORDER', which confers no title"
                : "EDIFACT has no negotiability flag; the named consignee is carried");
        cover.drop("/isElectronic", "an EDIFACT copy is never the electronic original");
        cover.dropOutside("envelopeTransferChain", "the endorsement chain (title transfers) travels only in a DCSA "
                + "PINT envelope; an EDIFACT copy carries no title");
        cover.dropOutside("issuanceManifestSignedContent", "the carrier's and platforms' JWS signatures cover the DCSA "
                + "JSON and cannot be carried by an EDIFACT copy");
    }

    private static void freeText(Segments s, String qualifier, String text, int size) throws EDIStreamException {
        String[] all = chunks(text, size, Integer.MAX_VALUE);
        for (int i = 0; i < all.length; i += 5) {
            String[] part = new String[Math.min(5, all.length - i)];
            System.arraycopy(all, i, part, 0, part.length);
            s.write("FTX", qualifier, null, null, c(part));
        }
    }

    private static List<String[]> groups(List<String> values, int size) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i += size) {
            out.add(values.subList(i, Math.min(values.size(), i + size)).toArray(String[]::new));
        }
        return out;
    }

    /** Splits text into at most {@code max} pieces of {@code size} characters (code points). */
    static String[] chunks(String text, int size, int max) {
        List<String> out = new ArrayList<>();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length && out.size() < max; i += size) {
            out.add(new String(cps, i, Math.min(size, cps.length - i)));
        }
        return out.toArray(String[]::new);
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
    }

    private static String join(String a, String b) {
        return b == null ? a : a + " " + b;
    }

    private static int sum(Integer a, Integer b) {
        return (a == null ? 0 : a) + (b == null ? 0 : b);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /**
     * The text as EDIFACT partners can read it: each control character, lone surrogate and non-character becomes a
     * space (UNOY has none of them), and a character beyond the Basic Multilingual Plane becomes U+FFFD (EDIFACT
     * readers, StAEDI's among them, fail on four-byte UTF-8) — a data copy is written whatever the source text holds.
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp)
                || Character.getType(cp) == Character.SURROGATE || (cp & 0xFFFE) == 0xFFFE ? ' '
                : cp > 0xFFFF ? 0xFFFD : cp));
        return out.toString();
    }

    /** A composite element (components may be null, i.e. empty); a List so that it never binds as varargs. */
    private static List<String> c(String... components) {
        return components == null ? null : Arrays.asList(components);
    }

    /** Writes segments whose elements are null (empty), a String (simple) or a List (composite). */
    private static final class Segments {
        private final EDIStreamWriter w;
        private int count;

        Segments(EDIStreamWriter w) {
            this.w = w;
        }

        void write(String tag, Object... elements) throws EDIStreamException {
            w.writeStartSegment(tag);
            for (Object e : elements) {
                if (e == null) {
                    w.writeEmptyElement();
                } else if (e instanceof String text) {
                    w.writeElement(printable(text));
                } else {
                    w.writeStartElement();
                    for (Object c : (List<?>) e) {
                        if (c == null) {
                            w.writeEmptyComponent();
                        } else {
                            w.writeComponent(printable((String) c));
                        }
                    }
                    w.endElement();
                }
            }
            w.writeEndSegment();
            count++;
        }
    }
}
