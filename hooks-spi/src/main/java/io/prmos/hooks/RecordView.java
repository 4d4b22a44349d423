package io.prmos.hooks;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What every record context shows. Record values are plain Java: {@code String}, {@code Integer} or
 * {@code Long}, {@code java.math.BigDecimal}, {@code Boolean}, {@code List<String>} for
 * multi-dictionaries, and {@code Map} for money ({@code {amount: BigDecimal, currency: String}}) and
 * JSON fields; dates and times are ISO strings and references are id strings.
 */
public interface RecordView {

    /** The qualified entity, e.g. {@code deals.Deal}. */
    String entity();

    Operation operation();

    /** The record's id; empty in a before-create hook. */
    Optional<UUID> id();

    Principal principal();

    /** The record as stored before this write; empty on create. */
    Optional<Map<String, Object>> before();
}
