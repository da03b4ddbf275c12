package io.silkgate.schemas.en16931;

/** BG-2 PROCESS CONTROL: the business process and the specification (CIUS / profile) the invoice follows. */
public record ProcessControl(
        String businessProcessType,       // BT-23 Business process type (UBL ProfileID)
        String specificationIdentifier) { // BT-24 Specification identifier (UBL CustomizationID)
}
