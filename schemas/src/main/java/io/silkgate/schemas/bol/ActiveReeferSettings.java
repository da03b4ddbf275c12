package io.silkgate.schemas.bol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/** The set points of an operating reefer container. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActiveReeferSettings(
        BigDecimal temperatureSetpoint, String temperatureUnit, BigDecimal o2Setpoint, BigDecimal co2Setpoint,
        BigDecimal humiditySetpoint, BigDecimal airExchangeSetpoint, String airExchangeUnit) {
}
