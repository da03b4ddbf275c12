package io.silkgate.verify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.security.auth.x500.X500Principal;

/**
 * The {@code signers:} mapping: which certificate subject may sign for which parties ({@code scheme:identifier},
 * e.g. {@code VA:DE123456789}, {@code SCAC:MSCU}, {@code EBL:CARX}). Subjects are compared as X.500 names.
 */
public final class SignerRules {

    /** No rules: every trusted signer may sign for any party. */
    public static final SignerRules NONE = new SignerRules(Map.of());

    private final Map<X500Principal, Set<String>> partiesBySigner;

    /** @param partiesBySubject configured subject DN → the parties it may sign for */
    public SignerRules(Map<String, Set<String>> partiesBySubject) {
        Map<X500Principal, Set<String>> rules = new HashMap<>();
        partiesBySubject.forEach((subject, parties) ->
                rules.computeIfAbsent(new X500Principal(subject), s -> new HashSet<>()).addAll(parties));
        rules.replaceAll((subject, parties) -> Set.copyOf(parties));
        this.partiesBySigner = Map.copyOf(rules);
    }

    public boolean isEmpty() {
        return partiesBySigner.isEmpty();
    }

    /** True when some rule names a party of this scheme (e.g. {@code EBL}). */
    public boolean namesScheme(String scheme) {
        return partiesBySigner.values().stream().flatMap(Set::stream).anyMatch(p -> p.startsWith(scheme + ":"));
    }

    /**
     * Why {@code subjectDn} may not sign for any of {@code parties} (the party named in the document), or null when
     * it may — or when there are no rules at all.
     */
    public String refusal(String subjectDn, java.util.Collection<String> parties) {
        if (partiesBySigner.isEmpty()) {
            return null;
        }
        Set<String> allowed = subjectDn == null ? null : partiesBySigner.get(principal(subjectDn));
        if (allowed == null) {
            return "signer " + subjectDn + " is trusted but not configured (signers:) to sign for any party";
        }
        if (parties.stream().noneMatch(allowed::contains)) {
            return "signer " + subjectDn + " may not sign for " + (parties.isEmpty() ? "(no identifier)" : parties)
                    + "; it may sign for " + new TreeSet<>(allowed);
        }
        return null;
    }

    private static X500Principal principal(String dn) {
        try {
            return new X500Principal(dn);
        } catch (IllegalArgumentException e) {
            // a bare key's label ("kid ...") is no certificate subject, so no rule can name it
            return new X500Principal("CN=not a certificate subject");
        }
    }
}
