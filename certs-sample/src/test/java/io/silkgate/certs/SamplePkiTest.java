package io.silkgate.certs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SamplePkiTest {

    private static final X500Principal SHENZHEN =
            new X500Principal("CN=Shenzhen Sample Exporter Co. Ltd, O=Shenzhen Sample Exporter Co. Ltd, C=CN");
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static final Instant LONG_AFTER = Instant.parse("2070-06-30T00:00:00Z");

    /** Every end entity and the folder of the root it must chain to. */
    private static final Map<String, String> END_ENTITIES = Map.of(
            "cn/exporter-shenzhen", "cn",
            "cn/exporter-revoked", "cn",
            "vn/buyer-hanoi", "vn",
            "sg/carrier-singapore", "sg",
            "ae/exporter-dubai", "ae",
            "eu/exporter-hamburg", "eu",
            "silkgate/gateway", "silkgate",
            "rogue/exporter-impostor", "rogue");

    @Test
    void indexListsTheWholeLayout() {
        Set<String> expected = new TreeSet<>();
        for (String cc : List.of("cn", "vn", "sg", "ae", "eu")) {
            expected.addAll(List.of(cc + "/root-ca.pem", cc + "/issuing-ca.pem", cc + "/issuing-ca.crl"));
        }
        expected.add("silkgate/root-ca.pem");
        expected.add("rogue/root-ca.pem");
        for (String name : END_ENTITIES.keySet()) {
            expected.addAll(List.of(name + ".p12", name + ".pem"));
        }
        expected.add("tls/root-ca.pem");
        for (String name : List.of("gateway-tls", "client-shenzhen", "client-hamburg", "client-stranger")) {
            expected.addAll(List.of("tls/" + name + ".p12", "tls/" + name + ".pem"));
        }
        assertEquals(expected, new TreeSet<>(SamplePki.files()));
    }

    @Test
    void tlsMaterialHasTheUsagesAPeerChecks() throws Exception {
        X509Certificate server = SamplePki.certificate("tls/gateway-tls.pem");
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), server.getExtendedKeyUsage());
        assertTrue(server.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("127.0.0.1")));
        assertTrue(server.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("localhost")));
        X509Certificate root = SamplePki.certificate("tls/root-ca.pem");
        for (String client : List.of("client-shenzhen", "client-hamburg", "client-stranger")) {
            IssuedCertificate c = SamplePki.load("tls/" + client);
            assertEquals(List.of("1.3.6.1.5.5.7.3.2"), c.certificate().getExtendedKeyUsage(), client);
            c.certificate().verify(root.getPublicKey());
        }
        server.verify(root.getPublicKey());
    }

    @Test
    void everyIndexedFileLoads() {
        for (String file : SamplePki.files()) {
            if (file.endsWith(".p12")) {
                IssuedCertificate loaded = SamplePki.load(file.substring(0, file.length() - 4));
                assertEquals(SamplePki.certificate(file.replace(".p12", ".pem")), loaded.certificate(), file);
            } else if (file.endsWith(".pem")) {
                assertNotNull(SamplePki.certificate(file).getSubjectX500Principal(), file);
            } else {
                assertNotNull(SamplePki.crl(file).getThisUpdate(), file);
            }
        }
    }

    @Test
    void missingResourcesAreReportedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SamplePki.load("cn/nobody"));
        assertTrue(e.getMessage().contains("cn/nobody.p12"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SamplePki.document("no-such.xml"));
    }

    @Test
    void privateKeysMatchTheirCertificates() throws Exception {
        byte[] data = "sample".getBytes(StandardCharsets.US_ASCII);
        for (String name : END_ENTITIES.keySet()) {
            IssuedCertificate entity = SamplePki.load(name);
            String algorithm = entity.privateKey().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(entity.privateKey());
            signer.update(data);
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(entity.certificate());
            verifier.update(data);
            assertTrue(verifier.verify(signer.sign()), name);
        }
    }

    @Test
    void eachEndEntityChainValidatesToItsOwnRootOnly() throws Exception {
        for (Map.Entry<String, String> entry : END_ENTITIES.entrySet()) {
            IssuedCertificate entity = SamplePki.load(entry.getKey());
            X509Certificate root = SamplePki.certificate(entry.getValue() + "/root-ca.pem");
            assertEquals(root, entity.chain().get(entity.chain().size() - 1), entry.getKey());
            validate(entity, root, null);
            validate(entity, root, Date.from(LONG_AFTER));
            if (!entry.getValue().equals("cn")) {
                X509Certificate cnRoot = SamplePki.certificate("cn/root-ca.pem");
                assertThrows(CertPathValidatorException.class, () -> validate(entity, cnRoot, null), entry.getKey());
            }
        }
    }

    @Test
    void impostorCopiesTheShenzhenNameButNotItsTrust() {
        X509Certificate real = SamplePki.certificate("cn/exporter-shenzhen.pem");
        X509Certificate impostor = SamplePki.certificate("rogue/exporter-impostor.pem");
        assertEquals(SHENZHEN, real.getSubjectX500Principal());
        assertEquals(SHENZHEN, impostor.getSubjectX500Principal());
        assertEquals("CN=Shenzhen Sample Exporter Co. Ltd,O=Shenzhen Sample Exporter Co. Ltd,C=CN",
                real.getSubjectX500Principal().getName());
        assertNotEquals(real.getPublicKey(), impostor.getPublicKey());
    }

    @Test
    void keySizesAndDistinguishedNames() {
        for (String cc : List.of("cn", "vn", "sg", "ae", "eu")) {
            String upper = cc.toUpperCase(Locale.ROOT);
            X509Certificate root = SamplePki.certificate(cc + "/root-ca.pem");
            X509Certificate issuing = SamplePki.certificate(cc + "/issuing-ca.pem");
            assertEquals(new X500Principal("CN=Silkgate Sample " + upper + " Root CA, O=Silkgate Samples, C=" + upper),
                    root.getSubjectX500Principal());
            assertEquals(new X500Principal(
                    "CN=Silkgate Sample " + upper + " Issuing CA, O=Silkgate Samples, C=" + upper),
                    issuing.getSubjectX500Principal());
            assertEquals(3072, ((RSAPublicKey) root.getPublicKey()).getModulus().bitLength());
            assertEquals(3072, ((RSAPublicKey) issuing.getPublicKey()).getModulus().bitLength());
        }
        for (String name : END_ENTITIES.keySet()) {
            X509Certificate leaf = SamplePki.certificate(name + ".pem");
            assertEquals(-1, leaf.getBasicConstraints(), name);
            if (name.equals("ae/exporter-dubai")) {
                assertEquals(256, ((ECPublicKey) leaf.getPublicKey()).getParams().getOrder().bitLength());
            } else {
                assertEquals(2048, ((RSAPublicKey) leaf.getPublicKey()).getModulus().bitLength(), name);
            }
        }
        assertEquals(new X500Principal("CN=Silkgate Sample Gateway, O=Silkgate Samples, C=SG"),
                SamplePki.certificate("silkgate/gateway.pem").getSubjectX500Principal());
    }

    @Test
    void onlyTheRevokedExporterIsOnTheCrls() {
        X509CRL cnCrl = SamplePki.crl("cn/issuing-ca.crl");
        X509Certificate revoked = SamplePki.certificate("cn/exporter-revoked.pem");
        assertTrue(cnCrl.isRevoked(revoked));
        assertEquals(1, cnCrl.getRevokedCertificates().size());
        assertFalse(cnCrl.isRevoked(SamplePki.certificate("cn/exporter-shenzhen.pem")));
        for (String cc : List.of("vn", "sg", "ae", "eu")) {
            X509CRL crl = SamplePki.crl(cc + "/issuing-ca.crl");
            assertNull(crl.getRevokedCertificates(), cc);
        }
        assertFalse(SamplePki.crl("vn/issuing-ca.crl").isRevoked(SamplePki.certificate("vn/buyer-hanoi.pem")));
    }

    @Test
    void crlsAreSignedByTheirIssuingCa() throws Exception {
        for (String cc : List.of("cn", "vn", "sg", "ae", "eu")) {
            X509CRL crl = SamplePki.crl(cc + "/issuing-ca.crl");
            X509Certificate issuing = SamplePki.certificate(cc + "/issuing-ca.pem");
            assertEquals(issuing.getSubjectX500Principal(), crl.getIssuerX500Principal());
            crl.verify(issuing.getPublicKey());
            X509Certificate root = SamplePki.certificate(cc + "/root-ca.pem");
            assertThrows(SignatureException.class, () -> crl.verify(root.getPublicKey()), cc);
        }
    }

    @Test
    void pkixWithTheCrlsRejectsOnlyTheRevokedExporter() throws Exception {
        X509Certificate root = SamplePki.certificate("cn/root-ca.pem");
        X509CRL crl = SamplePki.crl("cn/issuing-ca.crl");
        validate(SamplePki.load("cn/exporter-shenzhen"), root, null, crl);
        CertPathValidatorException e = assertThrows(CertPathValidatorException.class,
                () -> validate(SamplePki.load("cn/exporter-revoked"), root, null, crl));
        assertEquals(CertPathValidatorException.BasicReason.REVOKED, e.getReason());
    }

    @Test
    void materialStaysValidUntilAtLeast2070() {
        Date limit = Date.from(Instant.parse("2070-01-01T00:00:00Z"));
        for (String file : SamplePki.files()) {
            if (file.endsWith(".pem")) {
                X509Certificate certificate = SamplePki.certificate(file);
                assertFalse(certificate.getNotAfter().before(limit), file);
                assertEquals(Instant.parse("2026-01-01T00:00:00Z"), certificate.getNotBefore().toInstant(), file);
            } else if (file.endsWith(".crl")) {
                assertFalse(SamplePki.crl(file).getNextUpdate().before(limit), file);
            }
        }
    }

    @Test
    void copyToWritesEveryIndexedFile(@TempDir Path dir) throws Exception {
        assertEquals(dir, SamplePki.copyTo(dir));
        List<String> files = SamplePki.files();
        try (var walk = Files.walk(dir)) {
            assertEquals(files.size(), walk.filter(Files::isRegularFile).count());
        }
        for (String file : files) {
            try (InputStream in = SamplePki.class.getClassLoader()
                    .getResourceAsStream(SamplePki.PKI_ROOT + file)) {
                assertArrayEquals(in.readAllBytes(), Files.readAllBytes(dir.resolve(file)), file);
            }
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        try (InputStream in = Files.newInputStream(dir.resolve("cn/root-ca.pem"))) {
            assertEquals(SamplePki.certificate("cn/root-ca.pem"), factory.generateCertificate(in));
        }
        SamplePki.copyTo(dir);
    }

    @Test
    void signedSampleVerifiesWithPlainJsr105AndTheTamperedOneDoesNot() throws Exception {
        X509Certificate shenzhen = SamplePki.certificate("cn/exporter-shenzhen.pem");
        assertTrue(Jsr105.validates(SamplePki.document("invoice-cn-vn.signed.xml"), shenzhen.getPublicKey()));
        assertFalse(Jsr105.validates(SamplePki.document("invoice-cn-vn.tampered.xml"), shenzhen.getPublicKey()));
        assertFalse(Jsr105.validates(SamplePki.document("invoice-cn-vn.untrusted.xml"), shenzhen.getPublicKey()));
        assertTrue(Jsr105.validates(SamplePki.document("invoice-cn-vn.untrusted.xml"),
                SamplePki.certificate("rogue/exporter-impostor.pem").getPublicKey()));
        assertTrue(Jsr105.validates(SamplePki.document("invoice-cn-vn.revoked.xml"),
                SamplePki.certificate("cn/exporter-revoked.pem").getPublicKey()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"signed", "tampered", "untrusted", "revoked"})
    void signedSamplesCarryLeafAndIntermediatesInUblPlace(String variant) throws Exception {
        byte[] xml = SamplePki.document("invoice-cn-vn." + variant + ".xml");
        Element signature = Jsr105.signature(Jsr105.parse(xml));
        assertEquals("SignatureInformation", signature.getParentNode().getLocalName());
        assertEquals(SampleXmlSigner.UBL_SAC_NS, signature.getParentNode().getNamespaceURI());
        List<X509Certificate> keyInfo = Jsr105.keyInfoCertificates(xml);
        String signer = switch (variant) {
            case "untrusted" -> "rogue/exporter-impostor";
            case "revoked" -> "cn/exporter-revoked";
            default -> "cn/exporter-shenzhen";
        };
        List<X509Certificate> expected = new ArrayList<>(SamplePki.load(signer).chain());
        expected.remove(expected.size() - 1);
        assertEquals(expected, keyInfo);
    }

    @Test
    void tamperedSampleDiffersOnlyInTheAmountDue() throws Exception {
        String signed = new String(SamplePki.document("invoice-cn-vn.signed.xml"), StandardCharsets.UTF_8);
        String tampered = new String(SamplePki.document("invoice-cn-vn.tampered.xml"), StandardCharsets.UTF_8);
        assertNotEquals(signed, tampered);
        assertEquals(signed.replaceAll("<cbc:PayableAmount currencyID=\"USD\">[0-9.]+<", ""),
                tampered.replaceAll("<cbc:PayableAmount currencyID=\"USD\">[0-9.]+<", ""));
        assertNotEquals(amount(signed.getBytes(StandardCharsets.UTF_8), "PayableAmount"),
                amount(tampered.getBytes(StandardCharsets.UTF_8), "PayableAmount"));
    }

    @Test
    void sampleInvoiceIsConsistent() throws Exception {
        byte[] xml = SamplePki.document("invoice-cn-vn.xml");
        Document document = Jsr105.parse(xml);
        Element root = document.getDocumentElement();
        assertEquals("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", root.getNamespaceURI());
        assertEquals("CN-SZ-2026-0001", text(document, "ID"));
        assertEquals("urn:cen.eu:en16931:2017", text(document, "CustomizationID"));
        BigDecimal lines = BigDecimal.ZERO;
        NodeList invoiceLines = document.getElementsByTagNameNS(CAC, "InvoiceLine");
        assertEquals(2, invoiceLines.getLength());
        for (int i = 0; i < invoiceLines.getLength(); i++) {
            Element line = (Element) invoiceLines.item(i);
            BigDecimal net = new BigDecimal(text(line, "LineExtensionAmount"));
            BigDecimal quantity = new BigDecimal(text(line, "InvoicedQuantity"));
            BigDecimal price = new BigDecimal(text(line, "PriceAmount"));
            assertEquals(0, quantity.multiply(price).compareTo(net), "line " + (i + 1));
            lines = lines.add(net);
        }
        Element totals = (Element) document.getElementsByTagNameNS(CAC, "LegalMonetaryTotal").item(0);
        assertEquals(lines, new BigDecimal(text(totals, "LineExtensionAmount")));
        assertEquals(lines, new BigDecimal(text(totals, "TaxExclusiveAmount")));
        assertEquals(lines, new BigDecimal(text(totals, "TaxInclusiveAmount")));
        assertEquals(lines, amount(xml, "PayableAmount"));
        assertEquals(0, document.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature")
                .getLength());
        // the signed variant is the same invoice plus the signature
        assertEquals(amount(xml, "PayableAmount"),
                amount(SamplePki.document("invoice-cn-vn.signed.xml"), "PayableAmount"));
    }

    private static BigDecimal amount(byte[] xml, String element) throws Exception {
        return new BigDecimal(text(Jsr105.parse(xml), element));
    }

    private static String text(Document document, String cbcElement) {
        return text(document.getDocumentElement(), cbcElement);
    }

    private static String text(Element scope, String cbcElement) {
        return scope.getElementsByTagNameNS(CBC, cbcElement).item(0).getTextContent();
    }

    private static void validate(IssuedCertificate entity, X509Certificate root, Date at, X509CRL... crls)
            throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        CertPath path = factory.generateCertPath(entity.chain().subList(0, entity.chain().size() - 1));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setDate(at);
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        if (crls.length == 0) {
            parameters.setRevocationEnabled(false);
        } else {
            PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
            // the sample roots publish no CRL for their issuing CAs, so only the leaf can be checked
            checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                    PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
            parameters.addCertPathChecker(checker);
            parameters.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(List.of(crls))));
        }
        validator.validate(path, parameters);
    }
}
