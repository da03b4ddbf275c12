package io.silkgate.pint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.SecureJson;
import io.silkgate.schemas.bol.TransportDocumentFacts;
import io.silkgate.verify.SignerRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a DCSA PINT envelope against everything that does not need the receiver's history (research note b.5,
 * steps 1–7): every JWS against the trusted keys (manifest, every chain entry, the carrier's issuance manifest),
 * the transport document checksum in the manifest and in every entry, the last-entry checksum, every link of the
 * chain, ISSUE first, surrender rules, the recipient, and the transport document rules.
 */
public final class EnvelopeVerifier {

    private static final Pattern CHECKSUM = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> ACTIONS = Set.of("ISSUE", "TRANSFER", "ENDORSE", "ENDORSE_TO_ORDER",
            "BLANK_ENDORSE", "SURRENDER_FOR_DELIVERY", "SURRENDER_FOR_AMENDMENT", "SACC", "SREJ", "SIGN");
    private static final Set<String> WITHOUT_RECIPIENT = Set.of("SIGN", "BLANK_ENDORSE");

    private final PintTrust trust;
    private final String platform;
    private final Set<ServedParty> parties;
    private final TransportDocumentCheck rules;
    private final long maxDocumentBytes;
    private final SignerRules signers;

    /**
     * @param platform         the eBL platform code this receiver answers for
     * @param parties          the recipients accepted here
     * @param maxDocumentBytes the largest additional document accepted
     */
    public EnvelopeVerifier(PintTrust trust, String platform, Set<ServedParty> parties, TransportDocumentCheck rules,
            long maxDocumentBytes) {
        this(trust, platform, parties, rules, maxDocumentBytes, SignerRules.NONE);
    }

    /**
     * @param signers which key may sign for which platform ({@code EBL:<code>}) and carrier ({@code SCAC:}/{@code SMDG:});
     *                applied once any rule names an {@code EBL:} party, so invoice-only rules change nothing here
     */
    public EnvelopeVerifier(PintTrust trust, String platform, Set<ServedParty> parties, TransportDocumentCheck rules,
            long maxDocumentBytes, SignerRules signers) {
        this.signers = signers.namesScheme("EBL") ? signers : SignerRules.NONE;
        this.trust = Objects.requireNonNull(trust, "trust");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.parties = Set.copyOf(parties);
        this.rules = Objects.requireNonNull(rules, "rules");
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /** Every check: {@link #checkChain} then {@link #checkAcceptable}. */
    public CheckedEnvelope check(byte[] body) {
        return check(parse(body));
    }

    /** @see #check(byte[]) */
    public CheckedEnvelope check(JsonNode envelope) {
        CheckedEnvelope e = checkChain(envelope);
        checkAcceptable(e);
        return e;
    }

    /**
     * The envelope in itself: signatures, checksums, links, issuance manifest and transactions. The receiver
     * compares the chain with its history before {@link #checkAcceptable}, so that a fork to another party reads
     * DISE (as the DCSA conformance kit answers) rather than a wrong-recipient BENV.
     *
     * @throws PintRejection BSIG or BENV with the first problem found
     */
    public CheckedEnvelope checkChain(byte[] body) {
        return checkChain(parse(body));
    }

    /** @see #checkChain(byte[]) */
    public CheckedEnvelope checkChain(JsonNode envelope) {
        CheckedEnvelope e = verifySignaturesAndChecksums(envelope);
        checkTransactions(e.chain());
        return e;
    }

    /**
     * Whether this receiver may take the eBL: the recipient is a party served here, and the transport document
     * passes its rules.
     *
     * @throws PintRejection BENV with the reason
     */
    public void checkAcceptable(CheckedEnvelope e) {
        checkRecipient(e.lastTransaction());
        List<String> problems = rules.problems(e.transportDocument());
        if (!problems.isEmpty()) {
            throw benv("the transport document breaks its rules: " + String.join("; ", problems));
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return SecureJson.parse(body);
        } catch (DocumentRejectedException e) {
            throw benv("the envelope is not JSON: " + e.getMessage());
        }
    }

    /**
     * Steps 1–6 only: signatures, checksums, links and the issuance manifest, without the recipient and rules
     * (what {@code silkgate verify} reports for an envelope addressed to anyone).
     */
    public CheckedEnvelope verifySignaturesAndChecksums(JsonNode envelope) {
        if (envelope == null || !envelope.isObject()) {
            throw benv("the envelope is not a JSON object");
        }
        JsonNode td = envelope.get("transportDocument");
        if (td == null || !td.isObject()) {
            throw benv("transportDocument is missing or not an object");
        }
        JsonNode chainNode = envelope.get("envelopeTransferChain");
        if (chainNode == null || !chainNode.isArray() || chainNode.isEmpty()) {
            throw benv("envelopeTransferChain is missing or empty");
        }
        VerifiedJws manifest = PintJws.verify(envelope.get("envelopeManifestSignedContent"), trust,
                "envelopeManifestSignedContent");
        // the last entry first: it is the sending platform's own signature, like the manifest
        int last = chainNode.size() - 1;
        VerifiedJws[] verified = new VerifiedJws[chainNode.size()];
        verified[last] = PintJws.verify(chainNode.get(last), trust, "envelopeTransferChain[" + last + "]");
        for (int i = 0; i < last; i++) {
            verified[i] = PintJws.verify(chainNode.get(i), trust, "envelopeTransferChain[" + i + "]");
        }
        String tdChecksum;
        try {
            tdChecksum = PintChecksums.ofJson(td);
        } catch (IllegalArgumentException ex) {
            throw benv("transportDocument: " + ex.getMessage());
        }
        JsonNode m = manifest.payload();
        if (!tdChecksum.equals(m.path("transportDocumentChecksum").asText())) {
            throw benv("the transport document does not match the envelope manifest's transportDocumentChecksum");
        }
        List<ChainEntry> chain = new ArrayList<>();
        String previous = null;
        for (int i = 0; i <= last; i++) {
            VerifiedJws v = verified[i];
            JsonNode p = v.payload();
            String where = "envelopeTransferChain[" + i + "]";
            if (!p.path("eblPlatform").isTextual() || p.path("eblPlatform").asText().isBlank()) {
                throw benv(where + ": eblPlatform is missing");
            }
            if (!tdChecksum.equals(p.path("transportDocumentChecksum").asText())) {
                throw benv(where + ": transportDocumentChecksum is not the checksum of this transport document");
            }
            JsonNode link = p.get("previousEnvelopeTransferChainEntrySignedContentChecksum");
            if (i == 0 && link != null) {
                throw benv(where + ": the first entry must not name a previous entry");
            }
            if (i > 0 && (link == null || !previous.equals(link.asText()))) {
                throw benv(where + ": previousEnvelopeTransferChainEntrySignedContentChecksum does not match the"
                        + " entry before it");
            }
            if (!p.path("transactions").isArray() || p.path("transactions").isEmpty()) {
                throw benv(where + ": transactions is missing or empty");
            }
            if (i > 0 && (p.has("issuanceManifestSignedContent") || p.has("controlTrackingRegistry"))) {
                throw benv(where + ": only the first entry may carry the issuance manifest or a control tracking"
                        + " registry");
            }
            String checksum = PintChecksums.ofJws(v.signedContent());
            chain.add(new ChainEntry(v.signedContent(), checksum, payloadChecksum(v.signedContent()), p,
                    v.signer().label()));
            previous = checksum;
        }
        if (!previous.equals(m.path("lastEnvelopeTransferChainEntrySignedContentChecksum").asText())) {
            throw benv("the envelope manifest's lastEnvelopeTransferChainEntrySignedContentChecksum does not match"
                    + " the last chain entry");
        }
        checkIssuance(chain.get(0), td, tdChecksum);
        // the sending platform signs the manifest; each entry is signed by the platform it names
        authorise(manifest.signer(), List.of("EBL:" + chain.get(last).platform()), "envelopeManifestSignedContent");
        for (int i = 0; i <= last; i++) {
            authorise(verified[i].signer(), List.of("EBL:" + chain.get(i).platform()), "envelopeTransferChain[" + i
                    + "]");
        }
        return new CheckedEnvelope(td, tdChecksum, manifest, chain, declaredDocuments(m));
    }

    private void authorise(TrustedKey signer, List<String> parties, String what) {
        String refusal = signers.refusal(signer.label(), parties);
        if (refusal != null) {
            throw new PintRejection(PintResponseCode.BSIG, what + ": " + refusal);
        }
    }

    private void checkIssuance(ChainEntry first, JsonNode td, String tdChecksum) {
        JsonNode p = first.payload();
        if (p.has("controlTrackingRegistry")) {
            // every later transfer would have to be recorded there; this receiver cannot, so it must not accept
            throw benv("envelopeTransferChain[0]: a control tracking registry is named, which this receiver does"
                    + " not support");
        }
        JsonNode issue = p.path("transactions").get(0);
        if (!"ISSUE".equals(issue.path("actionCode").asText())) {
            throw benv("envelopeTransferChain[0]: the first transaction must be ISSUE");
        }
        VerifiedJws issuance = PintJws.verify(p.get("issuanceManifestSignedContent"), trust,
                "issuanceManifestSignedContent");
        if (!tdChecksum.equals(issuance.payload().path("documentChecksum").asText())) {
            throw benv("the issuance manifest's documentChecksum is not the checksum of this transport document");
        }
        authorise(issuance.signer(), TransportDocumentFacts.carrierParties(td), "issuanceManifestSignedContent");
        String issueTo = issuance.payload().path("issueToChecksum").asText();
        JsonNode recipient = issue.get("recipient");
        if (recipient == null || !recipient.isObject() || !issueTo.equals(issueToChecksum(recipient))
                && !issueTo.equals(PintChecksums.ofJson(recipient))) {
            throw benv("the issuance manifest's issueToChecksum does not match the recipient of the ISSUE"
                    + " transaction");
        }
    }

    /**
     * The issuance API's {@code issueTo} party names the platform {@code sendToPlatform} where a PINT recipient says
     * {@code eblPlatform}; the carrier signed the checksum of the issuance form.
     */
    static String issueToChecksum(JsonNode recipient) {
        ObjectNode issueTo = recipient.deepCopy();
        JsonNode platformNode = issueTo.remove("eblPlatform");
        if (platformNode != null) {
            issueTo.set("sendToPlatform", platformNode);
        }
        return PintChecksums.ofJson(issueTo);
    }

    private void checkTransactions(List<ChainEntry> chain) {
        JsonNode carrier = chain.get(0).payload().path("transactions").get(0).path("actor");
        boolean surrenderAccepted = false;
        String expectedPlatform = null;
        for (int i = 0; i < chain.size(); i++) {
            JsonNode transactions = chain.get(i).payload().path("transactions");
            String where = "envelopeTransferChain[" + i + "]";
            if (expectedPlatform != null && !expectedPlatform.equals(chain.get(i).platform())) {
                throw benv(where + ": written by platform " + chain.get(i).platform() + ", but the entry before"
                        + " handed the eBL to " + expectedPlatform);
            }
            for (int t = 0; t < transactions.size(); t++) {
                JsonNode tx = transactions.get(t);
                String at = where + ".transactions[" + t + "]";
                String action = tx.path("actionCode").asText("");
                if (!ACTIONS.contains(action)) {
                    throw benv(at + ": unknown actionCode " + quote(action));
                }
                if (surrenderAccepted) {
                    throw benv(at + ": " + action + " after the carrier accepted a surrender (SACC)");
                }
                if ("ISSUE".equals(action) != (i == 0 && t == 0)) {
                    throw benv(at + ": ISSUE must be the first transaction of the chain, and only there");
                }
                if (!tx.path("actor").isObject() || !tx.path("actionDateTime").isTextual()) {
                    throw benv(at + ": actor and actionDateTime are required");
                }
                boolean hasRecipient = tx.path("recipient").isObject();
                if (!hasRecipient && !WITHOUT_RECIPIENT.contains(action)) {
                    throw benv(at + ": " + action + " needs a recipient");
                }
                if (action.startsWith("SURRENDER_") && !sameParty(tx.path("recipient"), carrier)) {
                    throw benv(at + ": a surrender must be addressed to the issuing carrier");
                }
                if ((action.equals("SACC") || action.equals("SREJ")) && !sameParty(tx.path("actor"), carrier)) {
                    throw benv(at + ": only the issuing carrier answers a surrender");
                }
                if (tx.has("reasonCode") && !action.equals("SURRENDER_FOR_AMENDMENT")) {
                    throw benv(at + ": reasonCode belongs to SURRENDER_FOR_AMENDMENT only");
                }
                surrenderAccepted |= action.equals("SACC");
                if (hasRecipient) {
                    expectedPlatform = tx.path("recipient").path("eblPlatform").asText(null);
                }
            }
        }
    }

    private void checkRecipient(JsonNode lastTransaction) {
        JsonNode recipient = lastTransaction.path("recipient");
        if (!recipient.isObject()) {
            throw benv("the last transaction names no recipient");
        }
        String recipientPlatform = recipient.path("eblPlatform").asText("");
        if (!platform.equals(recipientPlatform)) {
            throw benv("the recipient is on platform " + quote(recipientPlatform) + ", this receiver is " + platform);
        }
        if (codes(recipient).stream().noneMatch(parties::contains)) {
            throw benv("the recipient " + quote(recipient.path("partyName").asText("")) + " is not a party served"
                    + " here");
        }
    }

    private List<DeclaredDocument> declaredDocuments(JsonNode manifest) {
        List<JsonNode> nodes = new ArrayList<>();
        if (manifest.has("eBLVisualisationByCarrier")) {
            nodes.add(manifest.get("eBLVisualisationByCarrier"));
        }
        JsonNode supporting = manifest.path("supportingDocuments");
        if (!supporting.isMissingNode() && !supporting.isArray()) {
            throw benv("the envelope manifest's supportingDocuments is not a list");
        }
        supporting.forEach(nodes::add);
        List<DeclaredDocument> documents = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode d : nodes) {
            String checksum = d.path("documentChecksum").asText("");
            if (!CHECKSUM.matcher(checksum).matches()) {
                throw benv("an additional document has no valid documentChecksum (64 lower-case hex digits)");
            }
            if (!d.path("size").canConvertToExactIntegral() || d.path("size").asLong() < 0) {
                throw benv("additional document " + checksum + " has no valid size");
            }
            long size = d.path("size").asLong();
            if (size > maxDocumentBytes) {
                throw benv("additional document " + checksum + " has " + size + " bytes; this receiver accepts at"
                        + " most " + maxDocumentBytes);
            }
            if (seen.add(checksum)) {
                documents.add(new DeclaredDocument(checksum, size, d.path("name").asText(null),
                        d.path("mediaType").asText(null)));
            }
        }
        return documents;
    }

    private static Set<ServedParty> codes(JsonNode party) {
        Set<ServedParty> codes = new HashSet<>();
        for (JsonNode c : party.path("identifyingCodes")) {
            if (c.path("codeListProvider").isTextual() && c.path("partyCode").isTextual()) {
                codes.add(new ServedParty(c.get("codeListProvider").asText(), c.get("partyCode").asText()));
            }
        }
        return codes;
    }

    private static boolean sameParty(JsonNode a, JsonNode b) {
        Set<ServedParty> codes = codes(a);
        return !codes.isEmpty() && codes.stream().anyMatch(codes(b)::contains);
    }

    private static String payloadChecksum(String compact) {
        String payload = compact.substring(compact.indexOf('.') + 1, compact.lastIndexOf('.'));
        return PintChecksums.ofBytes(new com.nimbusds.jose.util.Base64URL(payload).decode());
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
    }

    private static PintRejection benv(String reason) {
        return new PintRejection(PintResponseCode.BENV, reason);
    }
}
