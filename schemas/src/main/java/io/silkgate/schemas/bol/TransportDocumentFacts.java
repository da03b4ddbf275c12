package io.silkgate.schemas.bol;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.schemas.DocumentFacts;
import io.silkgate.schemas.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The routing and authorisation facts of a DCSA TransportDocument, read from the signed tree. The issuing party is
 * the carrier: {@code SCAC:<carrierCode>} when {@code carrierCodeListProvider} is NMFTA (the SCAC code list),
 * {@code SMDG:<carrierCode>} when it is SMDG (the liner code list). For routing, a bill of lading's "seller country"
 * is the country of its port of loading (else place of receipt) and its "buyer country" that of its port of discharge
 * (else place of delivery): the UN/LOCODE's first two letters, or the location's {@code countryCode}.
 */
public final class TransportDocumentFacts {

    public static final String FORMAT = "dcsa-td3";

    private TransportDocumentFacts() {
    }

    public static DocumentFacts of(JsonNode td) {
        JsonNode transports = td.path("transports");
        return new DocumentFacts(FORMAT, Format.Family.BILL_OF_LADING.id(), text(td, "transportDocumentReference"),
                country(transports, "portOfLoading", "placeOfReceipt"),
                country(transports, "portOfDischarge", "placeOfDelivery"), carrierParties(td));
    }

    /** The carrier as a {@code signers:} party, or an empty list when the document names no known code list. */
    public static List<String> carrierParties(JsonNode td) {
        String code = text(td, "carrierCode");
        String provider = text(td, "carrierCodeListProvider");
        List<String> parties = new ArrayList<>();
        if (code != null && provider != null) {
            switch (provider.toUpperCase(Locale.ROOT)) {
                case "NMFTA" -> parties.add("SCAC:" + code);
                case "SMDG" -> parties.add("SMDG:" + code);
                default -> parties.add(provider + ":" + code);
            }
        }
        return parties;
    }

    private static String country(JsonNode transports, String first, String second) {
        for (String name : List.of(first, second)) {
            JsonNode location = transports.path(name);
            String unLocode = text(location, "UNLocationCode");
            if (unLocode != null && unLocode.length() >= 2) {
                return unLocode.substring(0, 2).toUpperCase(Locale.ROOT);
            }
            String country = text(location, "countryCode");
            if (country == null) {
                country = text(location.path("address"), "countryCode");
            }
            if (country != null) {
                return country.toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
