package io.silkgate.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.schemas.DocumentFacts;
import io.silkgate.schemas.en16931.ConversionReport;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.verify.VerificationResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Document;

/** What the intake steps learn about one submission, carried from step to step as an exchange property. */
public final class IntakeContext {

    public static final String PROPERTY = "silkgateIntake";

    private final String id = UUID.randomUUID().toString();
    private final Submission submission;
    private final String sha256;
    private Document document;
    private JsonNode json;
    private String format;
    private VerificationResult verification;
    private DocumentFacts facts;
    private Invoice invoice;
    private final Map<String, ConversionReport> conversions = new LinkedHashMap<>();
    private List<Destination> destinations = List.of();

    public IntakeContext(Submission submission) {
        this.submission = submission;
        this.sha256 = Sha256.hex(submission.body());
    }

    public String id() {
        return id;
    }

    public Submission submission() {
        return submission;
    }

    public String sha256() {
        return sha256;
    }

    public Document document() {
        return document;
    }

    public String format() {
        return format;
    }

    public VerificationResult verification() {
        return verification;
    }

    public DocumentFacts facts() {
        return facts;
    }

    public List<Destination> destinations() {
        return destinations;
    }

    /** The JSON document (a bill of lading), from its signed payload once verified; null for XML. */
    public JsonNode json() {
        return json;
    }

    void parsedJson(JsonNode json, String format) {
        this.json = json;
        this.format = format;
    }

    /** A JSON document verified: its facts and tree come from the signed payload bytes. */
    void verifiedJson(VerificationResult verification, DocumentFacts facts, JsonNode signedJson) {
        this.verification = verification;
        this.facts = facts;
        this.json = signedJson;
    }

    void parsed(Document document, String format) {
        this.document = document;
        this.format = format;
    }

    void verified(VerificationResult verification, DocumentFacts facts, Invoice invoice) {
        this.verification = verification;
        this.facts = facts;
        this.invoice = invoice;
    }

    /** A verification that failed: kept for the rejection's ledger row and evidence. */
    void verificationFailed(VerificationResult verification) {
        this.verification = verification;
    }

    /** The invoice as read from the verified element. */
    public Invoice invoice() {
        return invoice;
    }

    void converted(String partner, ConversionReport report) {
        conversions.put(partner, report);
    }

    /** The conversion report of every destination whose format differs from the submitted one. */
    public Map<String, ConversionReport> conversions() {
        return Map.copyOf(conversions);
    }

    void routed(List<Destination> destinations) {
        this.destinations = List.copyOf(destinations);
    }

    public List<String> partners() {
        return destinations.stream().map(Destination::partner).toList();
    }
}
