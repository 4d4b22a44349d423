package io.prmos.engine.query;

import io.prmos.metadata.model.FieldType;

/** One ORDER BY key: a column, its direction, and the type its cursor values are parsed with. */
public record SortColumn(String column, boolean descending, FieldType valueType) {
}
