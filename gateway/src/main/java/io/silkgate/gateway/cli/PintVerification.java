package io.silkgate.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.gateway.SilkgateGateway;
import io.silkgate.gateway.config.SilkgateConfig;
import io.silkgate.pint.CheckedEnvelope;
import io.silkgate.pint.EnvelopeVerifier;
import io.silkgate.pint.PintJws;
import io.silkgate.pint.PintRejection;
import io.silkgate.pint.PintResponseCode;
import io.silkgate.pint.PintTrust;
import io.silkgate.pint.ServedParty;
import io.silkgate.pint.TransportDocumentCheck;
import io.silkgate.pint.VerifiedJws;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code silkgate verify} for a DCSA PINT envelope: one report entry per JWS (envelope manifest, every chain entry,
 * the carrier's issuance manifest) and the {@code pintResponseCode} this gateway's receiver would answer before
 * consulting its history (RECE, BSIG or BENV). With a configured {@code pint:} the recipient is checked too.
 */
final class PintVerification {

    private PintVerification() {
    }

    static boolean isEnvelope(JsonNode json) {
        return json != null && json.isObject() && json.has("envelopeTransferChain");
    }

    /** @param trust PEM file or folder; null: {@code pint.trust} of the configuration */
    static int run(JsonNode envelope, Path trust, SilkgateConfig config) {
        PintTrust keys;
        if (trust != null) {
            keys = PintTrust.fromPem(trust);
        } else if (config != null && config.pint() != null) {
            keys = PintTrust.fromPem(config.pint().trust());
        } else {
            keys = new PintTrust(List.of());
        }
        Report report = new Report("dcsa-pint3");
        List<Map<String, Object>> signatures = new ArrayList<>();
        signatures.add(entry("envelopeManifestSignedContent", envelope.get("envelopeManifestSignedContent"), keys));
        JsonNode chain = envelope.path("envelopeTransferChain");
        for (int i = 0; i < chain.size(); i++) {
            signatures.add(entry("envelopeTransferChain[" + i + "]", chain.get(i), keys));
            if (i == 0) {
                try {
                    JsonNode first = PintJws.verify(chain.get(0), keys, "envelopeTransferChain[0]").payload();
                    if (first.has("issuanceManifestSignedContent")) {
                        signatures.add(entry("issuanceManifestSignedContent",
                                first.get("issuanceManifestSignedContent"), keys));
                    }
                } catch (PintRejection e) {
                    // reported in the entry above; the issuance manifest cannot be trusted to be read from it
                }
            }
        }
        PintResponseCode code = PintResponseCode.RECE;
        try {
            EnvelopeVerifier verifier = verifier(keys, config);
            CheckedEnvelope checked = verifier.checkChain(envelope);
            if (config != null && config.pint() != null) {
                verifier.checkAcceptable(checked);
            }
        } catch (PintRejection r) {
            code = r.code();
            report.error(new Problem(r.code() == PintResponseCode.BSIG ? ErrorCode.SIGNATURE_INVALID.name()
                    : ErrorCode.RULES_INVALID.name(), r.code() + ": " + r.reason(), null));
        }
        report.put("signatures", signatures);
        report.put("pintResponseCode", code.name());
        return report.print();
    }

    private static EnvelopeVerifier verifier(PintTrust keys, SilkgateConfig config) {
        if (config == null || config.pint() == null) {
            return new EnvelopeVerifier(keys, "-", Set.of(), TransportDocumentCheck.NONE, Long.MAX_VALUE);
        }
        Set<ServedParty> parties = config.pint().parties().stream()
                .map(p -> new ServedParty(p.codeListProvider(), p.partyCode())).collect(Collectors.toSet());
        return new EnvelopeVerifier(keys, config.pint().platform(), parties, TransportDocumentCheck.NONE,
                config.gateway().maxDocumentBytes(), SilkgateGateway.signerRules(config));
    }

    private static Map<String, Object> entry(String name, JsonNode jws, PintTrust keys) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jws", name);
        try {
            VerifiedJws v = PintJws.verify(jws, keys, name);
            m.put("valid", true);
            m.put("signer", v.signer().label());
            m.put("algorithm", v.algorithm());
            m.put("coversDocument", true);
            m.put("certificatePath", List.of(v.signer().label()));
        } catch (PintRejection r) {
            m.put("valid", false);
            m.put("signer", null);
            m.put("algorithm", algorithmOf(jws));
            m.put("coversDocument", false);
            m.put("certificatePath", List.of());
            m.put("code", r.code().name());
            m.put("message", r.reason());
        }
        // keys are trusted as configured (pint.trust), not through a certificate path with revocation
        m.put("revocation", "not-checked");
        return m;
    }

    private static String algorithmOf(JsonNode jws) {
        try {
            String header = jws.asText().split("\\.")[0];
            return io.silkgate.schemas.SecureJson.parse(com.nimbusds.jose.util.Base64URL.from(header).decode())
                    .path("alg").asText(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static boolean exists(Path p) {
        return p != null && Files.exists(p);
    }
}
