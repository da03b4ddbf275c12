package io.silkgate.schemas.en16931;

/** BG-17 CREDIT TRANSFER: an account the buyer may pay into. */
public record CreditTransfer(
        String paymentAccountIdentifier,           // BT-84 Payment account identifier (e.g. IBAN)
        String paymentAccountName,                 // BT-85 Payment account name
        String paymentServiceProviderIdentifier) { // BT-86 Payment service provider identifier (e.g. BIC)
}
