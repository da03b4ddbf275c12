package io.silkgate.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Tells which catalogue format an XML document is, from its root element, namespace and specification
 * identifier (BT-24, CustomizationID), before any format-specific code looks at it.
 */
public final class FormatDetector {

    public static final String UBL_INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    public static final String UBL_CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    public static final String UBL_CBC_NS = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    public static final String CII_NS = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

    private static final String PEPPOL_BIS3 = "urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    private static final String PINT_PREFIX = "urn:peppol:pint:billing-1@";

    private FormatDetector() {
    }

    /** The catalogue id of the document rooted at {@code root}, or empty if it is none of ours. */
    public static Optional<String> detect(Element root) {
        String ns = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
        String name = root.getLocalName();
        if ((UBL_INVOICE_NS.equals(ns) && "Invoice".equals(name))
                || (UBL_CREDIT_NOTE_NS.equals(ns) && "CreditNote".equals(name))) {
            return Optional.of(ublFlavour(customizationId(root)));
        }
        if (CII_NS.equals(ns) && "CrossIndustryInvoice".equals(name)) {
            return Optional.of("cii");
        }
        if ("HDon".equals(name)) {
            return Optional.of("vn-tt78");
        }
        if ("EInvoice".equals(name)) {
            return Optional.of("cn-fapiao");
        }
        if ("TaxInvoiceBulk".equals(name)) {
            return Optional.of("id-coretax");
        }
        return Optional.empty();
    }

    /**
     * The catalogue id of a JSON document: {@code dcsa-pint3} for a PINT envelope, {@code dcsa-td3} for a DCSA
     * TransportDocument; empty for anything else.
     */
    public static Optional<String> detectJson(JsonNode root) {
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        if (root.has("envelopeManifestSignedContent") && root.has("envelopeTransferChain")) {
            return Optional.of("dcsa-pint3");
        }
        if (root.has("transportDocumentReference") && root.has("transportDocumentTypeCode")) {
            return Optional.of("dcsa-td3");
        }
        return Optional.empty();
    }

    /** True when the bytes are a JSON object: the first byte that is not white space (or a UTF-8 BOM) is '{'. */
    public static boolean looksLikeJson(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        for (; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{';
            }
        }
        return false;
    }

    private static String ublFlavour(String customizationId) {
        if (customizationId.contains(PEPPOL_BIS3)) {
            return "peppol-bis3";
        }
        if (customizationId.startsWith(PINT_PREFIX)) {
            String jurisdiction = customizationId.substring(PINT_PREFIX.length());
            if (jurisdiction.startsWith("sg-")) {
                return "pint-sg";
            }
            if (jurisdiction.startsWith("my-")) {
                return "pint-my";
            }
            if (jurisdiction.startsWith("ae-")) {
                return "pint-ae";
            }
        }
        return "ubl";
    }

    private static String customizationId(Element root) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && UBL_CBC_NS.equals(e.getNamespaceURI())
                    && "CustomizationID".equals(e.getLocalName())) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }
}
