package io.silkgate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSecretsTest {

    private static final String API_KEY = "k3y-0f-acme-XYZ-0123456789";

    @TempDir
    Path dir;

    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(dir);
        fx.file("ks.p12", "x");
    }

    @Test
    void passwordsComeFromTheEnvironment() {
        fx.env = Map.of("KS_PW", "from-env", "USER", "ops", "DB_PW", "db-env");
        SilkgateConfig c = fx.load("""
                gateway:
                  database: jdbc:h2:mem:x
                  database-password: "${DB_PW}"
                  signing: { keystore: ks.p12, password: "${KS_PW}", alias: a }
                  tls: { keystore: ks.p12, password: "pre-${KS_PW}-${USER}-post" }
                  jmx: { port: 9010, user: ops, password: "$${NOT_A_REF}" }
                """);
        assertEquals("from-env", c.gateway().signing().password().value());
        assertEquals("pre-from-env-ops-post", c.gateway().tls().password().value());
        assertEquals("${NOT_A_REF}", c.gateway().jmx().password().value(), "$${ is a literal ${");
        assertEquals("db-env", c.gateway().databasePassword().value());
    }

    @Test
    void anUnsetVariableIsAnErrorNamingKeyAndVariable() {
        fx.env = Map.of("OTHER", "value-of-other");
        List<String> errors = fx.errors("""
                gateway:
                  signing: { keystore: ks.p12, password: "${KS_PW}", alias: a }
                  jmx: { port: 9010, user: ops, password: "${OTHER}${JMX_PW}" }
                """);
        assertEquals(List.of(
                "silkgate.yaml: gateway.signing.password: environment variable KS_PW is not set",
                "silkgate.yaml: gateway.jmx.password: environment variable JMX_PW is not set"), errors);
        assertFalse(String.join("\n", errors).contains("value-of-other"));
    }

    @Test
    void malformedReferencesAreErrorsThatDoNotShowTheValue() {
        String error = fx.error("gateway: { signing: { keystore: ks.p12, password: \"abc${oops\", alias: a } }");
        assertEquals("silkgate.yaml: gateway.signing.password: malformed environment reference; write ${NAME}"
                + " (or $${ for a literal ${)", error);
        String typeError = fx.error("gateway: { signing: { keystore: ks.p12, password: 123456, alias: a } }");
        assertEquals("silkgate.yaml: gateway.signing.password: expected a string, found a number (put the value in quotes)",
                typeError);
    }

    @Test
    void apiKeyFilesMayReferToTheEnvironment() {
        Path keyFile = fx.file("acme.key", "${ACME_KEY}\n");
        String yaml = "submitters: [ { id: acme, api-key-file: acme.key, parties: [\"VA:DE1\"] } ]";
        fx.env = Map.of("ACME_KEY", API_KEY);
        assertTrue(fx.load(yaml).submitters().get(0).apiKey().matches(API_KEY));

        fx.env = Map.of();
        assertEquals("silkgate.yaml: submitters[0].api-key-file: environment variable ACME_KEY is not set"
                + " (referenced in \"" + keyFile + "\")", fx.error(yaml));
    }

    @Test
    void toStringNeverShowsSecrets() {
        fx.file("acme.key", API_KEY);
        fx.env = Map.of("KS_PW", "env-password-1");
        SilkgateConfig c = fx.load("""
                gateway:
                  database: jdbc:postgresql://db/x
                  database-user: gw
                  database-password: db-password-2
                  signing: { keystore: ks.p12, password: "${KS_PW}", alias: a }
                  tls: { keystore: ks.p12, password: tls-password-3 }
                  jmx: { port: 9010, user: ops, password: jmx-password-4 }
                submitters:
                  - { id: acme, api-key-file: acme.key, parties: ["VA:DE1"] }
                """);
        String printed = c.toString();
        for (String secret : List.of("env-password-1", "db-password-2", "tls-password-3", "jmx-password-4", API_KEY)) {
            assertFalse(printed.contains(secret), "toString shows " + secret + ": " + printed);
        }
        assertTrue(printed.contains("****"));
        assertTrue(printed.contains("acme"), "non-secret data is still shown");
        assertEquals("sha256:****", c.submitters().get(0).apiKey().toString());
    }

    @Test
    void errorsNeverShowSecrets() {
        fx.file("bad.key", "sh0rt-s3cret");
        List<String> errors = fx.errors("""
                gateway:
                  database: "postgres://user:db-password-9@db/x"
                submitters:
                  - { id: acme, api-key-file: bad.key, parties: ["VA:DE1"] }
                """);
        String all = String.join("\n", errors);
        assertEquals(2, errors.size(), all);
        assertFalse(all.contains("db-password-9"), all);
        assertFalse(all.contains("sh0rt-s3cret"), all);
    }

    @Test
    void secretComparesAndCopiesItsValue() {
        Secret s = Secret.of("abc");
        assertTrue(s.matches("abc"));
        assertFalse(s.matches("abd"));
        assertFalse(s.matches("ab"));
        assertFalse(s.matches(null));
        assertEquals(Secret.of("abc"), s);
        char[] chars = s.chars();
        assertArrayEquals(new char[] {'a', 'b', 'c'}, chars);
        chars[0] = 'x';
        assertEquals("abc", s.value(), "chars() hands out a copy");
        assertEquals("****", s.toString());
        assertThrows(NullPointerException.class, () -> Secret.of(null));
    }
}
