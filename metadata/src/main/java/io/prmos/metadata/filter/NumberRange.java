package io.prmos.metadata.filter;

import java.math.BigDecimal;

/**
 * The numbers PRM OS accepts from any text it reads — filter literals, manifests, request bodies:
 * below 10^309 in magnitude (a double's range; no column holds more) and with at most 308 decimal
 * places (a double underflows below that). Outside that, {@code 1e400} is infinite as a double, and
 * {@code 1e999999999} is short to write but expands to a gigabyte of digits wherever it is printed
 * plainly or compared as text (the JSON Schema validator's enum check did, and never returned).
 */
public final class NumberRange {

    public static final String MESSAGE = "numbers must be below 1e309 in magnitude and have at most 308 decimal places";
    private static final int MAX_INTEGER_DIGITS = 309;
    private static final int MAX_DECIMAL_PLACES = 308;

    private NumberRange() {
    }

    public static boolean contains(BigDecimal value) {
        if (value.signum() == 0) {
            return true;
        }
        // precision - scale is the number of digits before the point (zero or negative for 0.0…x)
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return false;
        }
        // the decimal places that carry a digit: trailing zeros of the unscaled value do not count
        return value.scale() <= MAX_DECIMAL_PLACES || value.stripTrailingZeros().scale() <= MAX_DECIMAL_PLACES;
    }
}
