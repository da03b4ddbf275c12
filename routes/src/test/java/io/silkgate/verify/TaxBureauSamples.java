package io.silkgate.verify;

import io.silkgate.certs.SamplePki;
import io.silkgate.schemas.SecureXml;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** SM2 tax-bureau keys, certificates and signed fapiao for tests (the real tax bureau key is not public). */
public final class TaxBureauSamples {

    public static final String URI = "/Einvoice/Header|/Einvoice/EinvoiceData|/Einvoice/SellerAuthentication"
            + "|/Einvoice/TaxSupervisionInfo|/Einvoice/TaxBureauSignature/SignatureTime";
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private TaxBureauSamples() {
    }

    public static KeyPair sm2Keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed SM3withSM2 end-entity certificate. */
    public static X509Certificate certificate(String dn, KeyPair keys, Instant from, Instant to) {
        try {
            X500Principal name = new X500Principal(dn);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(7),
                    Date.from(from), Date.from(to), name, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            return new JcaX509CertificateConverter().setProvider(BC).getCertificate(builder.build(
                    new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sample fapiao with a real SM2 signature of the given key in its TaxBureauSignature, as parsed DOM. */
    public static Document signed(KeyPair keys, String uri, String algorithm) throws Exception {
        Document document = SecureXml.parse(SamplePki.document("fapiao-cn.xml"));
        Element signature = (Element) document.getElementsByTagName("TaxBureauSignature").item(0);
        ((Element) signature.getElementsByTagName("Reference").item(0)).setAttribute("URI", uri);
        signature.getElementsByTagName("SignatureAlgorithm").item(0).setTextContent(algorithm);
        byte[] bytes = TaxBureauSignatureVerifier.signedBytes(document.getDocumentElement(), uri);
        Signature sm2 = Signature.getInstance("SM3withSM2", BC);
        sm2.initSign(keys.getPrivate());
        sm2.update(bytes);
        String time = Base64.getEncoder().encodeToString("20260519 094720".getBytes(StandardCharsets.US_ASCII));
        signature.getElementsByTagName("SignatureValue").item(0)
                .setTextContent(Base64.getEncoder().encodeToString(sm2.sign()) + "&" + time);
        return SecureXml.parse(bytes(document));
    }

    public static byte[] bytes(Document document) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }
}
