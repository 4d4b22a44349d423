package io.prmos.metadata.model;

import java.util.List;
import java.util.Optional;

/**
 * The entity registry's per-entity switches (docs/registry.md).
 *
 * @param summary        fields a resolved reference shows besides its display name; empty = a default
 * @param publicId       a per-tenant human id such as {@code PRT-000123}, when declared
 * @param optimisticLock whether writes honour If-Match and responses carry an ETag (default true); read from
 *                       {@code features: {optimisticLock: …}} (see {@link EntityFeatures}), copied here for the engine
 * @param requireIfMatch whether writes without If-Match are refused with 428 (needs optimisticLock)
 * @param searchLanguage the PostgreSQL text search configuration of the entity's searchable fields
 */
public record EntityOptions(List<String> summary, Optional<PublicIdDef> publicId, boolean optimisticLock,
                            boolean requireIfMatch, String searchLanguage) {

    public static final String DEFAULT_SEARCH_LANGUAGE = "simple";
    public static final EntityOptions DEFAULTS = new EntityOptions(List.of(), Optional.empty(), true, false, DEFAULT_SEARCH_LANGUAGE);

    public EntityOptions {
        summary = List.copyOf(summary);
    }

    /** {@code prefix: PRT, digits: 6} → {@code PRT-000123}. */
    public record PublicIdDef(String prefix, int digits) {

        public String format(long sequence) {
            return prefix + "-" + String.format("%0" + digits + "d", sequence);
        }

        /** The sequence number of {@code PRT-000123}, or -1 when the text is not an id of this form. */
        public long parse(String text) {
            if (text == null || !text.startsWith(prefix + "-")) {
                return -1;
            }
            String digitsPart = text.substring(prefix.length() + 1);
            if (digitsPart.isEmpty() || digitsPart.length() > 18 || !digitsPart.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            return Long.parseLong(digitsPart);
        }
    }
}
