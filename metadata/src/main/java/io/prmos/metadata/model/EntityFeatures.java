package io.prmos.metadata.model;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform features an entity switches on or off in its manifest ({@code features:}, see
 * docs/audit.md). Defaults: soft delete and optimistic locking on, audit history and activity log off.
 *
 * @param audit          every change is recorded, field by field, in the module's history table
 * @param activity       creates, updates, deletes and restores appear in the tenant's activity log
 * @param softDelete     a delete moves the record to the recycle bin; off: a delete removes the row
 * @param optimisticLock writes honour If-Match and responses carry an ETag
 * @param retention      how long deleted records stay in the recycle bin; empty = the engine's default
 */
public record EntityFeatures(boolean audit, boolean activity, boolean softDelete, boolean optimisticLock,
                             Optional<Duration> retention) {

    public static final EntityFeatures DEFAULTS = new EntityFeatures(false, false, true, true, Optional.empty());

    /** {@code 30d}, {@code 12h}, {@code 90m}: a positive number of days, hours or minutes. */
    public static final String RETENTION_PATTERN = "^[1-9][0-9]{0,5}[dhm]$";
    private static final Pattern RETENTION = Pattern.compile(RETENTION_PATTERN);

    public EntityFeatures {
        retention = retention == null ? Optional.empty() : retention;
    }

    /** Parses {@code 30d} / {@code 12h} / {@code 90m}; empty when the text is not of that form. */
    public static Optional<Duration> parseRetention(String text) {
        Matcher m = RETENTION.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        String t = m.group();
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return Optional.of(switch (t.charAt(t.length() - 1)) {
            case 'd' -> Duration.ofDays(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
        });
    }
}
