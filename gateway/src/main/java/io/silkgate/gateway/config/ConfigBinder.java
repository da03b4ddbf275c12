package io.silkgate.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.schemas.en16931.ElectronicAddresses;
import io.silkgate.schemas.Format;
import io.silkgate.schemas.FormatCatalogue;
import io.silkgate.verify.RevocationPolicy;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * Turns the YAML tree of one {@code silkgate.yaml} into a {@link SilkgateConfig}, checking every key and every
 * reference between sections; all problems are collected and thrown together at the end.
 */
final class ConfigBinder {

    private static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final List<String> CLIENT_AUTH = List.of("need", "want", "none");
    private static final List<String> METRICS_ACCESS = List.of("open", "authenticated");
    private static final List<String> FAMILIES =
            List.of(Format.Family.INVOICE.id(), Format.Family.BILL_OF_LADING.id());
    /** The format of PINT envelopes, which only a PINT receiver takes and only one partner may receive. */
    private static final String PINT_ENVELOPE = "dcsa-pint3";

    private final Problems problems;
    private final ValueReader values;

    /** Ids of every partner entry that has a well-formed id, valid or not, so one bad partner does not cascade. */
    private final Set<String> declaredPartners = new LinkedHashSet<>();
    private final Map<String, Partner> partnersById = new LinkedHashMap<>();
    private final Map<String, List<String>> submitterDestinations = new LinkedHashMap<>();

    ConfigBinder(Problems problems, Path baseDir, Map<String, String> env) {
        this.problems = problems;
        this.values = new ValueReader(problems, baseDir, env);
    }

    /** Reads the whole file; {@code root} is null or missing for an empty file, which means all defaults. */
    SilkgateConfig bind(JsonNode root, Path source) {
        YamlSection top = root == null || root.isMissingNode() || root.isNull()
                ? YamlSection.empty("", problems)
                : YamlSection.of(root, "", problems);
        if (top == null) {
            problems.throwIfAny();
        }
        // sections are read in dependency order, whatever their order in the file
        GatewaySettings gateway = gateway(top);
        List<Submitter> submitters = submitters(top, gateway);
        List<SignerRule> signers = items(top, "signers", this::signer);
        List<TrustEntry> trust = trust(top);
        RetryPolicy delivery = gateway == null ? ConfigDefaults.DELIVERY : gateway.delivery();
        List<Partner> partners = items(top, "partners", item -> partner(item, delivery));
        List<RoutingRule> routing = items(top, "routing", this::routingRule);
        // read before the partners, checked once they are known
        submitterDestinations.forEach((path, ids) -> checkPartnerRefs(path, ids, null));
        YamlSection pintSection = top.section("pint");
        PintSettings pint = pintSection == null ? null : pint(pintSection);
        List<DirectoryEntry> directory = items(top, "directory", this::directoryEntry);
        top.finish();
        problems.throwIfAny();
        return new SilkgateConfig(source, gateway, submitters, signers, trust, partners, routing, pint,
                directory);
    }

    // ---- gateway

    private GatewaySettings gateway(YamlSection top) {
        YamlSection g = top.has("gateway") ? top.section("gateway") : YamlSection.empty("gateway", problems);
        if (g == null) {
            return null;
        }
        int mark = problems.count();
        String host = orDefault(g.string("http-host"), ConfigDefaults.HTTP_HOST);
        if (!ValueReader.NO_SPACE.matcher(host).matches()) {
            problems.add(g.child("http-host"), "not a host name or address: " + Problems.quote(host));
        }
        int httpPort = values.port(g, "http-port", ConfigDefaults.HTTP_PORT);
        Path dataDir = values.path(g, "data-dir");
        if (dataDir == null) {
            dataDir = values.resolve(ConfigDefaults.DATA_DIR);
        } else if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            problems.add(g.child("data-dir"), "exists but is not a directory: " + Problems.quote(dataDir.toString()));
        }
        String broker = broker(g);
        String database = database(g);
        String databaseUser = g.string("database-user");
        Secret databasePassword = values.secret(g, "database-password");
        long maxDocumentBytes = values.size(g, "max-document-size", ConfigDefaults.MAX_DOCUMENT_BYTES);
        YamlSection signingSection = g.section("signing");
        SigningSettings signing = signingSection == null ? null : signing(signingSection);
        YamlSection tlsSection = g.section("tls");
        TlsSettings tls = tlsSection == null ? null : tls(tlsSection);
        YamlSection jmxSection = g.section("jmx");
        JmxSettings jmx = jmxSection == null ? null : jmx(jmxSection, httpPort);
        YamlSection jolokiaSection = g.section("jolokia");
        JmxSettings jolokia = jolokiaSection == null ? null : jolokia(jolokiaSection, httpPort);
        RetryPolicy delivery = retry(g, "delivery", ConfigDefaults.DELIVERY, "built-in default");
        Duration archiveRetention = values.duration(g, "archive-retention");
        Path archiveDir = values.path(g, "archive-dir");
        String nodeId = g.string("node-id");
        if (nodeId != null && !nodeId.matches("[A-Za-z0-9._-]{1,64}")) {
            problems.add(g.child("node-id"), "must be 1-64 of A-Z a-z 0-9 . _ -: " + Problems.quote(nodeId));
        }
        RateLimit rateLimit = orDefault(values.rateLimit(g, "rate-limit"), ConfigDefaults.RATE_LIMIT);
        Duration requestTimeout = orDefault(values.duration(g, "request-timeout"), ConfigDefaults.REQUEST_TIMEOUT);
        Duration pendingAlert = orDefault(values.duration(g, "pending-alert"), ConfigDefaults.PENDING_ALERT);
        RateLimit readRateLimit = orDefault(values.rateLimit(g, "read-rate-limit"),
                rateLimit.times(ConfigDefaults.READ_RATE_FACTOR));
        RateLimit authFailureLimit = orDefault(values.rateLimit(g, "auth-failure-limit"),
                ConfigDefaults.AUTH_FAILURE_LIMIT);
        YamlSection metricsSection = g.section("metrics");
        MetricsAccess metrics = metrics(metricsSection, top.has("submitters"));
        if (pendingAlert.compareTo(Duration.ofMinutes(1)) < 0) {
            problems.add(g.child("pending-alert"), "must be at least 1m (alerts are checked once a minute): "
                    + Units.formatDuration(pendingAlert));
        }
        if (requestTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add(g.child("request-timeout"), "must be at least 1s: " + Units.formatDuration(requestTimeout));
        }
        if (archiveRetention != null && archiveRetention.compareTo(Duration.ofDays(1)) < 0) {
            problems.add(g.child("archive-retention"), "must be at least one day: "
                    + Units.formatDuration(archiveRetention));
        }
        g.finish();
        if (problems.count() > mark) {
            return null;
        }
        return new GatewaySettings(host, httpPort, dataDir, broker, database, databaseUser, databasePassword,
                maxDocumentBytes, signing, tls, jmx, delivery, archiveRetention, jolokia, rateLimit, requestTimeout,
                pendingAlert, readRateLimit, authFailureLimit, metrics, nodeId, archiveDir);
    }

    private String broker(YamlSection g) {
        String broker = g.string("broker");
        if (broker == null || ConfigDefaults.EMBEDDED.equals(broker)) {
            return ConfigDefaults.BROKER;
        }
        List<String> urls = new ArrayList<>();
        for (String part : broker.split(",", -1)) {
            String url = part.trim();
            if (!isBrokerUrl(url)) {
                // broker URLs may carry credentials as parameters, so the value is not repeated
                problems.add(g.child("broker"), "must be \"embedded\" or a comma-separated list of tcp:// or ssl://"
                        + " URLs, e.g. tcp://broker-1:61616,tcp://broker-2:61616");
                return broker;
            }
            urls.add(url);
        }
        return String.join(",", urls);
    }

    private static boolean isBrokerUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("tcp") || scheme.equals("ssl")) && uri.getRawAuthority() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private String database(YamlSection g) {
        String database = g.string("database");
        if (database == null) {
            return ConfigDefaults.DATABASE;
        }
        if (!ConfigDefaults.EMBEDDED.equals(database) && !(database.startsWith("jdbc:") && database.length() > 5)) {
            // a JDBC URL may carry a password, so the value is not repeated
            problems.add(g.child("database"), "must be \"embedded\" or a JDBC URL starting with \"jdbc:\"");
        }
        return database;
    }

    private SigningSettings signing(YamlSection s) {
        int mark = problems.count();
        Path keystore = values.existingFile(s, "keystore", true, false);
        Secret password = values.requiredSecret(s, "password");
        String alias = s.requiredString("alias");
        s.finish();
        return problems.count() > mark ? null : new SigningSettings(keystore, password, alias);
    }

    private TlsSettings tls(YamlSection s) {
        int mark = problems.count();
        Path keystore = values.existingFile(s, "keystore", true, false);
        Secret password = values.requiredSecret(s, "password");
        String clientAuth = values.oneOf(s, "client-auth", CLIENT_AUTH, ConfigDefaults.TLS_CLIENT_AUTH);
        s.finish();
        return problems.count() > mark ? null : new TlsSettings(keystore, password, clientAuth);
    }

    private JmxSettings jmx(YamlSection s, int httpPort) {
        int mark = problems.count();
        int port = 0;
        if (s.has("port")) {
            port = values.port(s, "port", 0);
            if (port == httpPort) {
                problems.add(s.child("port"), "same port as gateway.http-port (" + httpPort + ")");
            }
        } else {
            s.missing("port");
        }
        String user = s.string("user");
        Secret password = values.secret(s, "password");
        if (user != null && !s.has("password")) {
            problems.add(s.child("password"), "missing (required when user is set)");
        }
        if (user == null && s.has("password") && !s.has("user")) {
            problems.add(s.child("user"), "missing (required when password is set)");
        }
        s.finish();
        return problems.count() > mark ? null : new JmxSettings(port, user, password);
    }

    /**
     * {@code gateway.metrics}: open to anyone only where the rest of the gateway is (no submitters) or when asked
     * for; otherwise a scraper presents the token of {@code token-file} or a submitter's credentials.
     */
    private MetricsAccess metrics(YamlSection s, boolean hasSubmitters) {
        ApiKeyHash token = s == null ? null : values.apiKey(s, "token-file");
        String fallback = hasSubmitters || token != null ? "authenticated" : "open";
        String access = s == null ? fallback : values.oneOf(s, "access", METRICS_ACCESS, fallback);
        if (s != null) {
            if ("authenticated".equals(access) && token == null && !hasSubmitters && !s.has("token-file")) {
                problems.add(s.child("access"), "authenticated needs a token-file (or submitters): nobody could"
                        + " read the metrics");
            }
            if ("open".equals(access) && s.has("token-file")) {
                problems.add(s.child("token-file"), "has no use with access: open");
            }
            s.finish();
        }
        return "open".equals(access) ? MetricsAccess.OPEN : MetricsAccess.authenticated(token);
    }

    /** JMX over HTTP is only ever offered behind a user and password. */
    private JmxSettings jolokia(YamlSection s, int httpPort) {
        if (!s.has("user") && !s.has("password")) {
            s.missing("user");
            s.missing("password");
        }
        // with one of the two given, jmx() names the other as missing
        return jmx(s, httpPort);
    }

    // ---- submitters, signers, trust

    private List<Submitter> submitters(YamlSection top, GatewaySettings gateway) {
        Map<String, String> idPaths = new HashMap<>();
        Map<ApiKeyHash, String> keyPaths = new HashMap<>();
        Map<String, String> certificatePaths = new HashMap<>();
        return items(top, "submitters", item -> {
            int mark = problems.count();
            String id = item.requiredString("id");
            if (id != null) {
                String first = idPaths.putIfAbsent(id, item.path());
                if (first != null) {
                    problems.add(item.child("id"), "duplicate submitter id " + Problems.quote(id) + " (first at " + first + ")");
                }
            }
            ApiKeyHash apiKey = values.apiKey(item);
            if (apiKey != null) {
                String first = keyPaths.putIfAbsent(apiKey, item.path());
                if (first != null) {
                    problems.add(item.child("api-key-file"), "same API key as " + first
                            + "; every submitter needs its own key");
                }
            }
            Path certificate = values.existingFile(item, "client-certificate", false, false);
            if (certificate != null && gateway != null
                    && (gateway.tls() == null || gateway.tls().clientAuth().equals("none"))) {
                problems.add(item.child("client-certificate"),
                        "needs gateway.tls with client-auth need or want, or the certificate is never asked for");
            }
            if (certificate != null) {
                String first = certificatePaths.putIfAbsent(certificate.toString(), item.path());
                if (first != null) {
                    problems.add(item.child("client-certificate"), "same certificate file as " + first
                            + "; a certificate identifies one submitter");
                }
            }
            if (!item.has("api-key-file") && !item.has("client-certificate")) {
                problems.add(item.path(), "needs api-key-file or client-certificate to authenticate");
            } else if (!item.has("client-certificate") && gateway != null && gateway.tls() != null
                    && gateway.tls().clientAuth().equals("need")) {
                problems.add(item.path(), "needs a client-certificate: with gateway.tls.client-auth need, a client"
                        + " without a certificate cannot even connect");
            }
            List<String> parties = values.parties(item, "parties");
            RateLimit rateLimit = values.rateLimit(item, "rate-limit");
            RateLimit readRateLimit = values.rateLimit(item, "read-rate-limit");
            if (readRateLimit == null && rateLimit != null) {
                readRateLimit = rateLimit.times(ConfigDefaults.READ_RATE_FACTOR);
            }
            List<String> destinations = item.strings("destinations");
            if (item.has("destinations") && destinations != null && destinations.isEmpty()) {
                item.missing("destinations");
            } else if (destinations != null && !destinations.isEmpty()) {
                submitterDestinations.put(item.child("destinations"), destinations);
            }
            return problems.count() > mark ? null
                    : new Submitter(id, apiKey, certificate, parties, rateLimit, destinations, readRateLimit);
        });
    }

    private SignerRule signer(YamlSection item) {
        int mark = problems.count();
        String subject = item.requiredString("subject");
        if (subject != null) {
            try {
                new X500Principal(subject);
            } catch (IllegalArgumentException e) {
                problems.add(item.child("subject"), "not an X.500 distinguished name (e.g. \"CN=Acme Signing, O=Acme, C=DE\"): "
                        + Problems.quote(subject));
            }
        }
        List<String> parties = values.parties(item, "parties");
        return problems.count() > mark ? null : new SignerRule(subject, parties);
    }

    private DirectoryEntry directoryEntry(YamlSection item) {
        int mark = problems.count();
        String party = item.requiredString("party");
        if (party != null && !party.startsWith(ElectronicAddresses.NAME_SCHEME)
                && !ValueReader.PARTY.matcher(party).matches()) {
            problems.add(item.child("party"), "not a party written scheme:identifier or name:<legal name> "
                    + "(e.g. \"VA:CN91310115MA1H7Q2K0G\"): " + Problems.quote(party));
        }
        String address = item.requiredString("electronic-address");
        if (address != null && ElectronicAddresses.parse(address).isEmpty()) {
            problems.add(item.child("electronic-address"), "not an electronic address written <EAS>:<identifier> "
                    + "(e.g. \"0195:SGUEN201912345K\"): " + Problems.quote(address));
        }
        return problems.count() > mark ? null : new DirectoryEntry(party, address);
    }

    private List<TrustEntry> trust(YamlSection top) {
        Map<String, String> countryPaths = new HashMap<>();
        return items(top, "trust", item -> {
            int mark = problems.count();
            String country = values.country(item, "country", true);
            if (country != null) {
                String first = countryPaths.putIfAbsent(country, item.path());
                if (first != null) {
                    problems.add(item.child("country"), "country " + country + " already configured at " + first
                            + "; put all its anchors in one directory");
                }
            }
            Path anchors = values.existingFile(item, "anchors", true, true);
            String crlText = item.has("crl") ? item.string("crl") : null;
            Path crl = null;
            URI crlUrl = null;
            if (crlText != null && crlText.trim().matches("(?i)https?://.*")) {
                crlUrl = httpUrl(item, "crl");
            } else {
                crl = values.existingFile(item, "crl", false, false);
            }
            Boolean ocspFlag = item.bool("ocsp");
            URI responder = item.has("ocsp-responder") ? httpUrl(item, "ocsp-responder") : null;
            // naming a responder is asking for OCSP
            boolean ocsp = ocspFlag == null ? responder != null || ConfigDefaults.OCSP : ocspFlag;
            if (responder != null && Boolean.FALSE.equals(ocspFlag)) {
                problems.add(item.child("ocsp-responder"), "is set while ocsp is false; remove one of the two");
            }
            Boolean nonce = item.bool("ocsp-nonce");
            Boolean distributionPoints = item.bool("crl-distribution-points");
            boolean anySource = crl != null || crlUrl != null || ocsp || Boolean.TRUE.equals(distributionPoints);
            RevocationPolicy policy = TrustEntry.defaultPolicy(anySource);
            String policyText = item.string("revocation");
            if (policyText != null) {
                policy = RevocationPolicy.fromConfig(policyText);
                if (policy == null) {
                    problems.add(item.child("revocation"), "expected hard-fail or soft-fail, found "
                            + Problems.quote(policyText));
                }
            }
            Duration timeout = values.duration(item, "revocation-timeout");
            if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
                problems.add(item.child("revocation-timeout"), "must be positive");
            }
            return problems.count() > mark ? null
                    : new TrustEntry(country, anchors, crl, crlUrl, ocsp, responder,
                            nonce == null ? ConfigDefaults.OCSP_NONCE : nonce,
                            distributionPoints == null ? ConfigDefaults.CRL_DISTRIBUTION_POINTS : distributionPoints,
                            policy, timeout == null ? ConfigDefaults.REVOCATION_TIMEOUT : timeout);
        });
    }

    /** An absolute http(s) URL, or null (reported) when the value is anything else. */
    private URI httpUrl(YamlSection item, String key) {
        String text = item.string(key);
        if (text == null) {
            return null;
        }
        try {
            URI url = new URI(text.trim());
            if (isHttpUrl(url)) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(item.child(key), "not an absolute http(s) URL: " + Problems.quote(withoutUserInfo(text)));
        return null;
    }

    // ---- partners and routing

    private Partner partner(YamlSection item, RetryPolicy delivery) {
        int mark = problems.count();
        String id = item.requiredString("id");
        if (id != null) {
            if (!PARTNER_ID.matcher(id).matches()) {
                problems.add(item.child("id"), "must be 1-63 characters of a-z, 0-9, '.', '_', '-', starting with a letter"
                        + " or digit (it names the queue silkgate.out.<id>): " + Problems.quote(id));
            } else if (!declaredPartners.add(id)) {
                problems.add(item.child("id"), "duplicate partner id " + Problems.quote(id));
            }
        }
        String country = values.country(item, "country", true);
        String format = item.requiredString("format");
        Format known = null;
        if (format != null) {
            known = findFormat(format);
            if (known == null) {
                problems.add(item.child("format"), "unknown format " + Problems.quote(format) + " (expected one of: "
                        + formatIds(true) + ")");
            } else if (!known.output()) {
                problems.add(item.child("format"), Problems.quote(format) + " is input-only: the gateway reads it but"
                        + " cannot produce it (a partner can receive: " + formatIds(true) + ")");
            }
        }
        Endpoint endpoint = null;
        YamlSection endpointSection = item.section("endpoint");
        if (endpointSection != null) {
            endpoint = endpoint(endpointSection);
        } else if (!item.has("endpoint")) {
            item.missing("endpoint");
        }
        if (endpoint != null && endpoint.type() == EndpointType.PINT && known != null
                && !known.id().equals(PINT_ENVELOPE)) {
            problems.add(item.child("format"), "a partner with endpoint type pint is a PINT receiver and only takes"
                    + " PINT envelopes: the format must be " + PINT_ENVELOPE);
        }
        DuplicatePolicy duplicates = duplicates(item);
        RetryPolicy retry = retry(item, "retry", delivery, "gateway.delivery");
        String jsonSignature = values.oneOf(item, "json-signature", List.of("header", "jws"), "header");
        if ("jws".equals(jsonSignature) && known != null && !"application/json".equals(known.mediaType())) {
            problems.add(item.child("json-signature"), "jws wraps a JSON document in a compact JWS; " + format
                    + " is not a JSON format");
        }
        if (problems.count() > mark) {
            return null;
        }
        Partner partner = new Partner(id, country, format, endpoint, duplicates, retry, "jws".equals(jsonSignature));
        partnersById.put(id, partner);
        return partner;
    }

    private Endpoint endpoint(YamlSection s) {
        int mark = problems.count();
        String typeText = s.requiredString("type");
        EndpointType type = null;
        if (typeText != null) {
            for (EndpointType t : EndpointType.values()) {
                if (t.yamlName().equals(typeText)) {
                    type = t;
                }
            }
            if (type == null) {
                problems.add(s.child("type"), "expected one of rest, soap, jms, pint, found " + Problems.quote(typeText));
            }
        }
        String urlText = s.requiredString("url");
        URI url = null;
        if (urlText != null) {
            try {
                url = new URI(urlText.trim());
            } catch (URISyntaxException e) {
                problems.add(s.child("url"), "not a valid URI: " + Problems.quote(withoutUserInfo(urlText)));
            }
        }
        if (url != null && type != null) {
            if (type == EndpointType.JMS) {
                if (url.getScheme() == null) {
                    problems.add(s.child("url"), "not an absolute URI (it needs a scheme): "
                            + Problems.quote(withoutUserInfo(urlText)));
                }
            } else if (!isHttpUrl(url)) {
                problems.add(s.child("url"), "not an absolute http(s) URL: " + Problems.quote(withoutUserInfo(urlText)));
            }
        }
        s.finish();
        return problems.count() > mark ? null : new Endpoint(type, url);
    }

    private static boolean isHttpUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null;
    }

    /** User names and passwords in URLs are secrets, so messages show the URL without them. */
    private static String withoutUserInfo(String url) {
        return url.replaceFirst("//[^/@?#]*@", "//****@");
    }

    private DuplicatePolicy duplicates(YamlSection item) {
        String text = item.string("duplicates");
        if (text == null) {
            return ConfigDefaults.DUPLICATES;
        }
        for (DuplicatePolicy p : DuplicatePolicy.values()) {
            if (p.yamlName().equals(text)) {
                return p;
            }
        }
        problems.add(item.child("duplicates"), "expected reject or accept-and-flag, found " + Problems.quote(text));
        return null;
    }

    private RoutingRule routingRule(YamlSection item) {
        int mark = problems.count();
        String writtenFamily = values.oneOf(item, "family", FAMILIES, null);
        String family = writtenFamily;
        String buyer = values.country(item, "buyer-country", false);
        String seller = values.country(item, "seller-country", false);
        String format = item.string("format");
        if (format != null) {
            Format known = findFormat(format);
            if (known == null) {
                problems.add(item.child("format"), "unknown format " + Problems.quote(format) + " (expected one of: "
                        + formatIds(false) + ")");
            } else if (!known.input()) {
                problems.add(item.child("format"), Problems.quote(format) + " is output-only: no submitted document"
                        + " has this format, so the rule would never match");
            } else if (family != null && !family.equals(known.family().id())) {
                problems.add(item.child("format"), Problems.quote(format) + " belongs to family " + known.family().id()
                        + " but the rule is for family " + family + ", so it would never match");
            } else {
                family = family == null ? known.family().id() : family;
            }
        }
        List<String> to = item.strings("to");
        if (to != null && to.isEmpty()) {
            item.missing("to");
        } else if (to != null) {
            checkPartnerRefs(item.child("to"), to, family);
        }
        return problems.count() > mark ? null
                : new RoutingRule(writtenFamily, buyer, seller, format, to);
    }

    /** Every reference names a defined partner that receives documents of the given family (null: any). */
    private void checkPartnerRefs(String path, List<String> ids, String family) {
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String at = path + "[" + i + "]";
            if (!declaredPartners.contains(id)) {
                problems.add(at, "no partner with id " + Problems.quote(id)
                        + (declaredPartners.isEmpty() ? " (no partners are defined)"
                        : " (defined: " + String.join(", ", declaredPartners) + ")"));
                continue;
            }
            Partner partner = partnersById.get(id);
            Format format = partner == null ? null : findFormat(partner.format());
            if (family != null && format != null && !family.equals(format.family().id())) {
                problems.add(at, "partner " + Problems.quote(id) + " receives " + partner.format() + " (family "
                        + format.family().id() + ") and cannot take " + family + " documents");
            }
        }
    }

    // ---- PINT

    private PintSettings pint(YamlSection s) {
        int mark = problems.count();
        String platform = s.requiredString("platform");
        if (platform != null && !ValueReader.NO_SPACE.matcher(platform).matches()) {
            problems.add(s.child("platform"), "must be a platform code without spaces: " + Problems.quote(platform));
        }
        Path trust = values.existingFile(s, "trust", true, true);
        int beforeParties = problems.count();
        List<PintParty> parties = items(s, "parties", item -> {
            int itemMark = problems.count();
            String provider = item.requiredString("codeListProvider");
            String code = item.requiredString("partyCode");
            return problems.count() > itemMark ? null : new PintParty(provider, code);
        });
        if (parties.isEmpty() && problems.count() == beforeParties) {
            problems.add(s.child("parties"), "missing (list at least one party this gateway receives eBLs for)");
        }
        List<String> forwardTo = s.strings("forward-to");
        PintRecipient forwardRecipient = null;
        YamlSection recipient = s.section("forward-recipient");
        if (recipient != null) {
            int recipientMark = problems.count();
            String name = recipient.requiredString("partyName");
            String ebl = recipient.requiredString("eblPlatform");
            String provider = recipient.requiredString("codeListProvider");
            String code = recipient.requiredString("partyCode");
            recipient.finish();
            forwardRecipient = problems.count() > recipientMark ? null
                    : new PintRecipient(name, ebl, provider, code);
        }
        if (forwardTo != null) {
            checkPartnerRefs(s.child("forward-to"), forwardTo, Format.Family.BILL_OF_LADING.id());
            List<String> envelopeReceivers = forwardTo.stream()
                    .filter(id -> partnersById.containsKey(id)
                            && partnersById.get(id).format().equals(PINT_ENVELOPE))
                    .distinct()
                    .toList();
            if (envelopeReceivers.size() > 1) {
                problems.add(s.child("forward-to"), "at most one partner may receive the envelope itself (format "
                        + PINT_ENVELOPE + "), or the title would be transferred twice; found "
                        + String.join(", ", envelopeReceivers));
            }
            if (envelopeReceivers.size() == 1 && forwardRecipient == null && !s.has("forward-recipient")) {
                problems.add(s.child("forward-recipient"), "missing (required when a forward-to partner receives the"
                        + " envelope itself: the party on its platform the gateway transfers the eBL to)");
            }
        }
        s.finish();
        return problems.count() > mark ? null
                : new PintSettings(platform, trust, parties, forwardTo == null ? List.of() : forwardTo,
                        forwardRecipient);
    }

    // ---- shared readers

    /**
     * Reads a list of mappings with {@code reader}, reporting unknown keys of each; a list absent from the file
     * is empty. Items with problems are left out, which is harmless because the problems are thrown at the end.
     */
    private <T> List<T> items(YamlSection parent, String key, Function<YamlSection, T> reader) {
        List<JsonNode> nodes = parent.list(key);
        List<T> out = new ArrayList<>();
        if (nodes == null) {
            return out;
        }
        for (int i = 0; i < nodes.size(); i++) {
            YamlSection item = YamlSection.of(nodes.get(i), parent.child(key) + "[" + i + "]", problems);
            if (item == null) {
                continue;
            }
            T value = reader.apply(item);
            item.finish();
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    /**
     * A retry policy whose unset fields come from {@code base} (described by {@code baseName} in messages);
     * {@code base} itself when the key is absent, null when something is wrong.
     */
    private RetryPolicy retry(YamlSection parent, String key, RetryPolicy base, String baseName) {
        YamlSection r = parent.section(key);
        if (r == null) {
            return parent.has(key) ? null : base;
        }
        int mark = problems.count();
        int attempts = base.attempts();
        Long attemptsValue = r.integer("attempts");
        if (attemptsValue != null) {
            if (attemptsValue < 1 || attemptsValue > Integer.MAX_VALUE) {
                problems.add(r.child("attempts"), "must be at least 1 (the first delivery counts): " + attemptsValue);
            } else {
                attempts = attemptsValue.intValue();
            }
        }
        Duration delay = orDefault(values.duration(r, "delay"), base.delay());
        double multiplier = base.multiplier();
        Double multiplierValue = r.number("multiplier");
        if (multiplierValue != null) {
            if (!(multiplierValue >= 1.0) || multiplierValue.isInfinite()) {
                problems.add(r.child("multiplier"), "must be at least 1.0: " + multiplierValue);
            } else {
                multiplier = multiplierValue;
            }
        }
        Duration maxDelay = orDefault(values.duration(r, "max-delay"), base.maxDelay());
        Duration timeout = orDefault(values.duration(r, "timeout"), base.timeout());
        int circuitFailures = base.circuitFailures();
        Long circuitValue = r.integer("circuit-failures");
        if (circuitValue != null) {
            if (circuitValue < 0 || circuitValue > Integer.MAX_VALUE) {
                problems.add(r.child("circuit-failures"), "must be 0 (never open) or more: " + circuitValue);
            } else {
                circuitFailures = circuitValue.intValue();
            }
        }
        Duration circuitOpen = orDefault(values.duration(r, "circuit-open"), base.circuitOpen());
        if (r.has("timeout") && timeout.isZero()) {
            problems.add(r.child("timeout"), "must be longer than zero");
        }
        if (problems.count() == mark && maxDelay.compareTo(delay) < 0) {
            if (r.has("max-delay")) {
                problems.add(r.child("max-delay"), "shorter than delay (" + Units.formatDuration(delay) + ")");
            } else {
                problems.add(r.child("delay"), "longer than max-delay (" + Units.formatDuration(maxDelay) + ", from "
                        + baseName + ")");
            }
        }
        r.finish();
        return problems.count() > mark ? null
                : new RetryPolicy(attempts, delay, multiplier, maxDelay, timeout, circuitFailures, circuitOpen);
    }

    private static Format findFormat(String id) {
        return FormatCatalogue.byId(id).orElse(null);
    }

    /** Format ids for messages: all of them, or only those a partner can receive. */
    private static String formatIds(boolean outputOnly) {
        return String.join(", ", FormatCatalogue.all().stream()
                .filter(f -> !outputOnly || f.output())
                .map(Format::id)
                .toList());
    }

    private static <T> T orDefault(T value, T dflt) {
        return value == null ? dflt : value;
    }
}
