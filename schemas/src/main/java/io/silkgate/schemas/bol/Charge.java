package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/** A freight or service charge. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Charge(
        String chargeName, String extendedChargeName, BigDecimal currencyAmount, String currencyCode, String paymentTermCode,
        String calculationBasis, BigDecimal unitPrice, BigDecimal quantity) {
}
