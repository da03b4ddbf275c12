package io.silkgate.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormatDetectorJsonTest {

    @Test
    void detectsTransportDocumentsAndPintEnvelopes() {
        assertEquals(Optional.of("dcsa-td3"), FormatDetector.detectJson(SecureJson.parse(bytes(
                "{\"transportDocumentReference\":\"X\",\"transportDocumentTypeCode\":\"BOL\"}"))));
        assertEquals(Optional.of("dcsa-pint3"), FormatDetector.detectJson(SecureJson.parse(bytes(
                "{\"transportDocument\":{},\"envelopeManifestSignedContent\":\"a.b.c\",\"envelopeTransferChain\":[]}"))));
        assertEquals(Optional.empty(), FormatDetector.detectJson(SecureJson.parse(bytes(
                "{\"transportDocumentReference\":\"X\"}"))));
        assertEquals(Optional.empty(), FormatDetector.detectJson(SecureJson.parse(bytes("[1]"))));
    }

    @Test
    void jsonIsRecognisedByItsFirstByteNotItsName() {
        assertTrue(FormatDetector.looksLikeJson(bytes(" \n\t{\"a\":1}")));
        assertTrue(FormatDetector.looksLikeJson(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}));
        assertFalse(FormatDetector.looksLikeJson(bytes("<?xml version=\"1.0\"?><a/>")));
        assertFalse(FormatDetector.looksLikeJson(bytes("   ")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
