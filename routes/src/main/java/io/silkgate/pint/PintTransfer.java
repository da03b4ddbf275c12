package io.silkgate.pint;

/**
 * A transfer of an eBL to this gateway, as stored.
 *
 * @param envelopeReference  the reference the sender uses for documents and finish
 * @param transportDocumentChecksum the eBL's identity
 * @param chainLength        entries in the transferred chain
 * @param lastEntryChecksum  SHA-256 of the transferred chain's last entry
 * @param lastEntry          that entry's compact JWS (what DUPE answers echo)
 * @param accepted           true once RECE was answered
 * @param envelope           the envelope as received (UTF-8 JSON)
 * @param documentId         the ledger document of the accepted transfer; null while pending
 */
public record PintTransfer(String envelopeReference, String transportDocumentChecksum, String transportDocumentReference,
        int chainLength, String lastEntryChecksum, String lastEntry, String senderPlatform, boolean accepted,
        String envelope, String documentId) {
}
