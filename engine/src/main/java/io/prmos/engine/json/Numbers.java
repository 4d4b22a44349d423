package io.prmos.engine.json;

import io.prmos.metadata.filter.NumberRange;
import java.math.BigDecimal;

/**
 * The numbers the engine accepts from outside, the same range as filter literals and manifests
 * ({@link NumberRange}): below 1e309 in magnitude, at most 308 decimal places.
 */
public final class Numbers {

    public static final String RANGE = NumberRange.MESSAGE;

    private Numbers() {
    }

    public static boolean inRange(BigDecimal value) {
        return NumberRange.contains(value);
    }
}
