package io.silkgate.bench;

import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.certs.SampleXmlSigner;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.en16931.InvoiceConverter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documents every benchmark runs on, built in code from the sample invoice of certs-sample: a UBL invoice of
 * any number of lines (EN 16931-valid, totals recomputed), signed with the sample exporter keys, its CII twin, a
 * DCSA TransportDocument and a base64 attachment as it arrives in a PINT additional-document request.
 */
public final class BenchDocuments {

    /** Lines of the ~10 KB invoice (the sample invoice has two; these are close to 10 KB once signed). */
    public static final int SMALL_LINES = 2;
    /** Lines of the ~1 MB invoice. */
    public static final int LARGE_LINES = 1100;
    /** The RSA-2048 signer of the sample PKI (CN exporter). */
    public static final String RSA_SIGNER = "cn/exporter-shenzhen";
    /** The ECDSA P-256 signer of the sample PKI (AE exporter). */
    public static final String EC_SIGNER = "ae/exporter-dubai";

    private static final String SAMPLE_NUMBER = "CN-SZ-2026-0001";
    private static final Pattern LINE = Pattern.compile("(?s)\\s*<cac:InvoiceLine>.*?</cac:InvoiceLine>");
    private static final Pattern AMOUNT = Pattern.compile(
            "<cbc:(LineExtensionAmount|TaxableAmount|TaxExclusiveAmount|TaxInclusiveAmount|PayableAmount)"
                    + " currencyID=\"USD\">[0-9.]+</cbc:\\1>");
    private static final String[][] ITEMS = {
        {"Power adapter 65 W USB-C", "USB-C power adapter, 65 W, universal input 100-240 V", "850440", "8.40"},
        {"USB-C cable 1 m", "USB-C to USB-C cable, 1 m, 100 W", "854442", "1.35"},
        {"Wireless keyboard", "Compact wireless keyboard, 2.4 GHz, 84 keys, US layout", "847160", "11.20"},
        {"Optical mouse", "Wired optical mouse, 1600 dpi, USB-A", "847160", "2.65"},
        {"LED desk lamp", "LED desk lamp, 8 W, dimmable, USB powered", "940520", "6.10"},
    };

    private BenchDocuments() {
    }

    /** An unsigned UBL invoice numbered {@code number} with {@code lines} lines; the totals match the lines. */
    public static byte[] unsignedInvoice(int lines, String number) {
        String sample = new String(SamplePki.document("invoice-cn-vn.xml"), StandardCharsets.UTF_8);
        Matcher first = LINE.matcher(sample);
        if (!first.find()) {
            throw new IllegalStateException("the sample invoice has no InvoiceLine");
        }
        int linesStart = first.start();
        int linesEnd = sample.lastIndexOf("</cac:InvoiceLine>") + "</cac:InvoiceLine>".length();
        StringBuilder body = new StringBuilder(lines * 1100);
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (int i = 1; i <= lines; i++) {
            String[] item = ITEMS[(i - 1) % ITEMS.length];
            BigDecimal quantity = BigDecimal.valueOf(10L + (i * 37L) % 490);
            BigDecimal amount = quantity.multiply(new BigDecimal(item[3])).setScale(2);
            total = total.add(amount);
            body.append("\n  <cac:InvoiceLine>\n    <cbc:ID>").append(i).append("</cbc:ID>\n")
                    .append("    <cbc:InvoicedQuantity unitCode=\"H87\">").append(quantity)
                    .append("</cbc:InvoicedQuantity>\n")
                    .append("    <cbc:LineExtensionAmount currencyID=\"USD\">").append(amount)
                    .append("</cbc:LineExtensionAmount>\n    <cac:Item>\n")
                    .append("      <cbc:Description>").append(item[1]).append("</cbc:Description>\n")
                    .append("      <cbc:Name>").append(item[0]).append("</cbc:Name>\n")
                    .append("      <cac:SellersItemIdentification>\n        <cbc:ID>SZ-").append(item[2]).append('-')
                    .append(i).append("</cbc:ID>\n      </cac:SellersItemIdentification>\n")
                    .append("      <cac:OriginCountry>\n        <cbc:IdentificationCode>CN</cbc:IdentificationCode>\n")
                    .append("      </cac:OriginCountry>\n      <cac:CommodityClassification>\n")
                    .append("        <cbc:ItemClassificationCode listID=\"HS\">").append(item[2])
                    .append("</cbc:ItemClassificationCode>\n      </cac:CommodityClassification>\n")
                    .append("      <cac:ClassifiedTaxCategory>\n        <cbc:ID>G</cbc:ID>\n")
                    .append("        <cbc:Percent>0</cbc:Percent>\n        <cac:TaxScheme>\n")
                    .append("          <cbc:ID>VAT</cbc:ID>\n        </cac:TaxScheme>\n")
                    .append("      </cac:ClassifiedTaxCategory>\n    </cac:Item>\n    <cac:Price>\n")
                    .append("      <cbc:PriceAmount currencyID=\"USD\">").append(item[3])
                    .append("</cbc:PriceAmount>\n    </cac:Price>\n  </cac:InvoiceLine>");
        }
        // zero-rated export (category G): every document-level amount equals the sum of the line amounts
        String head = AMOUNT.matcher(sample.substring(0, linesStart))
                .replaceAll("<cbc:$1 currencyID=\"USD\">" + total + "</cbc:$1>");
        String xml = head + body + sample.substring(linesEnd);
        return xml.replace(SAMPLE_NUMBER, number).getBytes(StandardCharsets.UTF_8);
    }

    /** The invoice signed (enveloped XMLDSig) by a sample PKI key, e.g. {@link #RSA_SIGNER}. */
    public static byte[] signedInvoice(int lines, String number, String signer) {
        return sign(unsignedInvoice(lines, number), SamplePki.load(signer));
    }

    /** Signs with the sample signer; the AE exporter's invoice names an AE seller so that its trust applies. */
    public static byte[] sign(byte[] unsigned, IssuedCertificate signer) {
        return SampleXmlSigner.signEnveloped(unsigned, signer);
    }

    /** The same invoice in CII D16B, written by our converter (the input of the CII → UBL benchmarks). */
    public static byte[] ciiInvoice(int lines, String number) {
        byte[] ubl = unsignedInvoice(lines, number);
        return new InvoiceConverter().convert(SecureXml.parse(ubl).getDocumentElement(), "ubl", "cii").document();
    }

    /** Our DCSA eBL 3.0 TransportDocument (a straight bill Shanghai → Haiphong), as submitted. */
    public static byte[] transportDocument() {
        try (InputStream in = BenchDocuments.class.getResourceAsStream("/bench/transport-document.json")) {
            if (in == null) {
                throw new IllegalStateException("bench/transport-document.json is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PINT additional-document body: a JSON string holding the base64 of {@code size} bytes of pseudo-random
     * content (a scanned PDF compresses no better).
     */
    public static byte[] attachmentBody(int size) {
        byte[] content = new byte[size];
        new Random(8785).nextBytes(content);
        String json = "\"" + Base64.getEncoder().encodeToString(content) + "\"";
        return json.getBytes(StandardCharsets.US_ASCII);
    }
}
