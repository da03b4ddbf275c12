package io.silkgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.silkgate.schemas.SecureJson;
import io.silkgate.schemas.bol.IftmcsStructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BillOfLadingCliTest {

    @TempDir
    static Path dir;
    private static Path valid;
    private static Path invalid;

    @BeforeAll
    static void samples() throws IOException {
        byte[] td;
        try (InputStream in = BillOfLadingCliTest.class.getResourceAsStream("/samples/bol/td-straight-issued.json")) {
            td = in.readAllBytes();
        }
        // the file name says XML: the CLI must go by the content
        valid = Files.write(dir.resolve("bill-of-lading.xml"), td);
        ObjectNode broken = (ObjectNode) SecureJson.parse(td);
        broken.remove("issueDate");
        invalid = Files.write(dir.resolve("broken.json"), SecureJson.mapper().writeValueAsBytes(broken));
    }

    @Test
    void convertsToIftmcsWithTheReportOnStderr() {
        Run run = run("convert", "--to", "iftmcs", valid.toString());
        assertEquals(SilkgateCommand.OK, run.exit(), run.err());
        assertTrue(IftmcsStructure.read(run.outBytes()).stream().anyMatch(s -> "BGM".equals(s.tag())
                && "SGSZX2605001".equals(s.at(2, 1))), run.out());
        JsonNode report = SecureJson.parse(run.err().getBytes(StandardCharsets.UTF_8));
        assertTrue(report.get("ok").asBoolean());
        assertEquals("dcsa-td3", report.get("from").asText());
        assertEquals("iftmcs", report.get("to").asText());
        assertTrue(report.get("carried").toString().contains("/transportDocumentReference"));
        assertTrue(report.get("dropped").toString().contains("envelopeTransferChain"), report.toString());
        assertTrue(report.get("dropped").toString().contains("/isToOrder"), report.toString());
    }

    @Test
    void convertsToFiataEfblAndWritesTheReportToAFile() throws IOException {
        Path reportFile = dir.resolve("report.json");
        Run run = run("convert", "--from", "dcsa-td3", "--to", "fiata-efbl", "--report", reportFile.toString(),
                valid.toString());
        assertEquals(SilkgateCommand.OK, run.exit(), run.err());
        JsonNode efbl = SecureJson.parse(run.outBytes());
        assertEquals("SGSZX2605001", efbl.at("/exchanged_document/id").asText());
        JsonNode report = SecureJson.parse(Files.readAllBytes(reportFile));
        assertEquals("fiata-efbl", report.get("to").asText());
        assertEquals(0, report.get("errors").size());
    }

    @Test
    void aBrokenConditionalRuleIsAWarningAndABrokenStructureAnError() throws Exception {
        Run copied = run("convert", "--to", "iftmcs", invalid.toString());
        assertEquals(SilkgateCommand.OK, copied.exit(), copied.err());
        assertTrue(copied.out().startsWith("UNB+"), copied.out());
        JsonNode report = SecureJson.parse(copied.err().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("RULES_INVALID", report.at("/warnings/0/code").asText(), copied.err());
        assertEquals("/issueDate", report.at("/warnings/0/location").asText());

        ObjectNode noTransports = (ObjectNode) SecureJson.parse(Files.readAllBytes(invalid));
        noTransports.remove("transports");
        Path broken = Files.write(dir.resolve("no-transports.json"), SecureJson.mapper().writeValueAsBytes(noTransports));
        Run refused = run("convert", "--to", "iftmcs", broken.toString());
        assertEquals(SilkgateCommand.INVALID, refused.exit());
        assertEquals("", refused.out());
        assertTrue(refused.err().contains("SCHEMA_INVALID") && refused.err().contains("/transports"), refused.err());
    }

    @Test
    void validateReportsRuleViolationsWithPointers() {
        Run ok = run("validate", valid.toString());
        assertEquals(SilkgateCommand.OK, ok.exit(), ok.out());
        assertTrue(ok.out().contains("\"dcsa-td3\""), ok.out());
        Run bad = run("validate", invalid.toString());
        assertEquals(SilkgateCommand.INVALID, bad.exit());
        JsonNode report = SecureJson.parse(bad.outBytes());
        assertEquals("RULES_INVALID", report.at("/errors/0/code").asText());
        assertEquals("/issueDate", report.at("/errors/0/location").asText());
        assertTrue(report.at("/errors/0/message").asText().startsWith("DCSA-TD-ISSUED-DATES"));
    }

    @Test
    void aPintEnvelopeIsValidatedForItsShapeAndItsTransportDocument() throws Exception {
        ObjectNode envelope = SecureJson.mapper().createObjectNode();
        envelope.set("transportDocument", SecureJson.parse(Files.readAllBytes(valid)));
        envelope.put("envelopeManifestSignedContent", "eyJhbGciOiJFUzI1NiJ9.e30.c2ln");
        envelope.putArray("envelopeTransferChain").add("eyJhbGciOiJFUzI1NiJ9.e30.c2ln");
        Path good = Files.write(dir.resolve("envelope.json"), SecureJson.mapper().writeValueAsBytes(envelope));
        Run ok = run("validate", good.toString());
        assertEquals(SilkgateCommand.OK, ok.exit(), ok.out());
        assertTrue(ok.out().contains("\"dcsa-pint3\""), ok.out());

        ((ObjectNode) envelope.get("transportDocument")).remove("transports");
        envelope.putArray("envelopeTransferChain").add("not a jws");
        Path bad = Files.write(dir.resolve("bad-envelope.json"), SecureJson.mapper().writeValueAsBytes(envelope));
        Run refused = run("validate", bad.toString());
        assertEquals(SilkgateCommand.INVALID, refused.exit());
        JsonNode report = SecureJson.parse(refused.outBytes());
        java.util.List<String> locations = new java.util.ArrayList<>();
        report.path("errors").forEach(e -> locations.add(e.path("location").asText()));
        assertTrue(locations.contains("/envelopeTransferChain/0"), locations.toString());
        assertTrue(locations.contains("/transportDocument/transports"), locations.toString());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(SilkgateCommand.USAGE, run("convert", "--to", "no-such-format", valid.toString()).exit());
        assertEquals(SilkgateCommand.USAGE, run("convert", "--from", "ubl", "--to", "iftmcs", valid.toString()).exit());
        assertEquals(SilkgateCommand.USAGE, run("validate", "--profile", "iftmcs", valid.toString()).exit());
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int exit = SilkgateCommand.execute(args);
            return new Run(exit, o.toByteArray(), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private record Run(int exit, byte[] outBytes, String err) {
        String out() {
            return new String(outBytes, StandardCharsets.UTF_8);
        }
    }
}
