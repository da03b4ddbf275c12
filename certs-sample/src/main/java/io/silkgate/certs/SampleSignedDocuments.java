package io.silkgate.certs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs the unsigned sample documents of every input format with the existing sample PKI (no key is regenerated):
 * {@code main(String[] args)} with args[0] = the sample-docs directory (default
 * certs-sample/src/main/resources/silkgate/sample-docs). Each format gets the signature its transport uses: an
 * enveloped XML signature where the format has a place for it, otherwise a detached or enveloping CMS signature; the
 * bill of lading a JWS (compact, and detached beside the JSON).
 */
public final class SampleSignedDocuments {

    private SampleSignedDocuments() {
    }

    /** What {@link #sign} writes: file name → (format, signer in the sample PKI). */
    public static final Map<String, String[]> OUTPUTS = outputs();

    private static Map<String, String[]> outputs() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("invoice-cii.xml.p7s", new String[] {"cii", "eu/exporter-hamburg"});
        m.put("invoice-peppol-bis3.xml.p7s", new String[] {"peppol-bis3", "eu/exporter-hamburg"});
        m.put("invoice-pint-sg.xml.p7s", new String[] {"pint-sg", "sg/carrier-singapore"});
        m.put("invoice-vn-tt78.signed.xml", new String[] {"vn-tt78", "vn/buyer-hanoi"});
        m.put("fapiao-cn.xml.p7m", new String[] {"cn-fapiao", "cn/exporter-shenzhen"});
        m.put("invoice-cn-vn.xml.p7s", new String[] {"ubl", "cn/exporter-shenzhen"});
        m.put("bl-cn-sg.jws", new String[] {"dcsa-td3", "sg/carrier-singapore"});
        m.put("bl-cn-sg.json.jws", new String[] {"dcsa-td3", "sg/carrier-singapore"});
        return Map.copyOf(m);
    }

    public static void main(String[] args) throws Exception {
        Path docs = args.length > 0 ? Path.of(args[0])
                : Path.of("certs-sample", "src", "main", "resources").resolve(SamplePki.DOCS_ROOT);
        sign(docs);
        System.out.println("Signed sample documents written to " + docs.toAbsolutePath().normalize());
    }

    /** Writes every file of {@link #OUTPUTS} into {@code docs}, from the unsigned samples there. */
    public static void sign(Path docs) throws IOException, GeneralSecurityException {
        for (Map.Entry<String, String[]> output : OUTPUTS.entrySet()) {
            String name = output.getKey();
            IssuedCertificate signer = SamplePki.load(output.getValue()[1]);
            byte[] signed;
            if (name.endsWith(".xml.p7s") || name.endsWith(".xml.p7m")) {
                byte[] content = Files.readAllBytes(docs.resolve(name.substring(0, name.length() - 4)));
                signed = cms(signer, content, name.endsWith(".p7m"));
            } else if (name.endsWith(".signed.xml")) {
                byte[] hdon = Files.readAllBytes(docs.resolve(name.replace(".signed.xml", ".xml")));
                signed = SampleXmlSigner.signHDon(hdon, signer);
            } else if (name.endsWith(".json.jws")) {
                signed = jws(signer, Files.readAllBytes(docs.resolve(name.replace(".jws", ""))), true);
            } else {
                signed = jws(signer, Files.readAllBytes(docs.resolve(name.replace(".jws", ".json"))), false);
            }
            Files.write(docs.resolve(name), signed);
        }
    }

    /** A CMS SignedData (SHA-256 with RSA, signed attributes, the chain without the root), detached or enveloping. */
    public static byte[] cms(IssuedCertificate signer, byte[] content, boolean encapsulate) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(javaAlgorithm(signer)).build(signer.privateKey()),
                            signer.certificate()));
            generator.addCertificates(new JcaCertStore(withoutRoot(signer)));
            return generator.generate(new CMSProcessableByteArray(content), encapsulate).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a CMS signature: " + e.getMessage(), e);
        }
    }

    /**
     * A compact JWS (RS256 or ES256 by the key) with the chain without the root in {@code x5c}; detached: the payload
     * part is left empty (RFC 7515 appendix F).
     */
    public static byte[] jws(IssuedCertificate signer, byte[] payload, boolean detached)
            throws GeneralSecurityException {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        List<String> x5c = new ArrayList<>();
        for (X509Certificate c : withoutRoot(signer)) {
            x5c.add("\"" + Base64.getEncoder().encodeToString(c.getEncoded()) + "\"");
        }
        boolean ec = "EC".equals(signer.privateKey().getAlgorithm());
        String header = "{\"alg\":\"" + (ec ? "ES256" : "RS256") + "\",\"x5c\":[" + String.join(",", x5c) + "]}";
        String input = url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + url.encodeToString(payload);
        Signature s = Signature.getInstance(ec ? "SHA256withECDSAinP1363Format" : "SHA256withRSA");
        s.initSign(signer.privateKey());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        String signature = url.encodeToString(s.sign());
        String compact = detached ? input.substring(0, input.indexOf('.')) + ".." + signature
                : input + "." + signature;
        return compact.getBytes(StandardCharsets.US_ASCII);
    }

    private static String javaAlgorithm(IssuedCertificate signer) {
        return "EC".equals(signer.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    private static List<X509Certificate> withoutRoot(IssuedCertificate signer) {
        List<X509Certificate> chain = signer.chain();
        return chain.size() > 1 ? chain.subList(0, chain.size() - 1) : chain;
    }
}
