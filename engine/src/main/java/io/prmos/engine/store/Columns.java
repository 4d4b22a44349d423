package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.quote;

/**
 * How the columns named by bound filters and sort keys enter SQL. A declared field is its quoted
 * column; a tenant's custom field is an expression over the {@code _custom} JSONB column, and
 * values compared with it are converted to its stored form.
 */
interface Columns {

    Columns PLAIN = new Columns() {
        @Override
        public String sql(String column) {
            return quote(column);
        }

        @Override
        public Object comparable(String column, Object value) {
            return value;
        }
    };

    String sql(String column);

    /** The value as the column's SQL expression compares it (still a Java value, not yet bindable). */
    Object comparable(String column, Object value);
}
