package io.prmos.engine.validation;

import java.math.BigDecimal;

/** A validated money value. */
public record Money(BigDecimal amount, String currency) {
}
