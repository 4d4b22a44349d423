package io.prmos.metadata.diff;

/**
 * What changed between two versions of a module. The class of a change usually follows from its
 * kind, but not always (a field made required is additive when a default back-fills it), so each
 * {@link Change} carries its own {@link ChangeClass}; docs/publishing.md has the table.
 */
public enum ChangeKind {
    ENTITY_ADDED,
    ENTITY_REMOVED,
    ENTITY_RENAMED,
    FIELD_ADDED,
    FIELD_REMOVED,
    FIELD_RENAMED,
    /** The column can hold every old value: longer text, more digits, integer to bigint, text to longtext. */
    FIELD_TYPE_WIDENED,
    /** Any other type change, including a different dictionary; never acknowledged. */
    FIELD_TYPE_NARROWED,
    FIELD_MADE_REQUIRED,
    FIELD_MADE_OPTIONAL,
    FIELD_MADE_UNIQUE,
    FIELD_UNIQUE_REMOVED,
    /** The column default changed; it only applies to records written later. */
    FIELD_DEFAULT_CHANGED,
    /** {@code filterable} or {@code sortable} changed, so the indexes derived from them change. */
    FIELD_INDEXING_CHANGED,
    /** {@code min}, {@code max}, {@code minLength}, {@code maxLength} (non-text), {@code pattern} or {@code currencies} changed. */
    FIELD_VALIDATION_CHANGED,
    REFERENCE_TARGET_CHANGED,
    REFERENCE_ON_DELETE_CHANGED,
    INDEX_ADDED,
    INDEX_REMOVED,
    DICTIONARY_ADDED,
    DICTIONARY_REMOVED,
    DICTIONARY_VALUE_ADDED,
    DICTIONARY_VALUE_REMOVED,
    /** Labels, descriptions, UI hints, navigation, title, roles or permissions. */
    COSMETIC
}
