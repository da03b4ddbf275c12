package io.silkgate.schemas.bol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.silkgate.schemas.SecureJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test documents of the bill-of-lading family, written for these tests, and small edits on them. */
final class BolSamples {

    private BolSamples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = BolSamples.class.getResourceAsStream("/samples/bol/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, mutable copy of the valid straight, issued, electronic bill of lading. */
    static ObjectNode straight() {
        return (ObjectNode) SecureJson.parse(bytes("td-straight-issued.json"));
    }

    /** The same shipment as a to-order bill of lading, with an endorsee and two notify parties. */
    static ObjectNode toOrder() {
        ObjectNode td = straight();
        td.put("isToOrder", true);
        ObjectNode parties = (ObjectNode) td.get("documentParties");
        JsonNode consignee = parties.remove("consignee");
        ObjectNode endorsee = parties.putObject("endorsee");
        endorsee.put("partyName", "Bank of Sample Trade, Hanoi");
        endorsee.set("identifyingCodes", consignee.get("identifyingCodes").deepCopy());
        endorsee.put("eblPlatform", "WAVE");
        ArrayNode notify = (ArrayNode) parties.get("notifyParties");
        notify.addObject().put("partyName", consignee.get("partyName").asText())
                .set("address", consignee.get("address").deepCopy());
        return td;
    }

    static ObjectNode at(JsonNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }
}
