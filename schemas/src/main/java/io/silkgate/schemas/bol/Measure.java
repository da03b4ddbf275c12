package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/** A weight or volume: value and unit code (KGM, LBR, MTQ, FTQ, ...). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Measure(
        BigDecimal value, String unit) {
}
