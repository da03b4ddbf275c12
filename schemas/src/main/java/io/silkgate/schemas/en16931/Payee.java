package io.silkgate.schemas.en16931;

/** BG-10 PAYEE: the party that receives the payment when it is not the seller. */
public record Payee(
        String name,                              // BT-59 Payee name
        Identifier identifier,                    // BT-60 Payee identifier (scheme BT-60-1)
        Identifier legalRegistrationIdentifier) { // BT-61 Payee legal registration identifier (scheme BT-61-1)
}
