package io.prmos.engine.sql;

import java.util.regex.Pattern;

/**
 * The only way a name enters SQL. Names come from validated metadata (or from the kernel's own
 * constants); this function checks them once more and double-quotes them. Values never pass here:
 * they are always bound parameters.
 */
public final class SqlIdentifier {

    private static final Pattern SAFE = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

    private SqlIdentifier() {
    }

    /** {@code partner_tier} → {@code "partner_tier"}; anything that is not a metadata identifier is refused. */
    public static String quote(String name) {
        if (name == null || !SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid SQL identifier: " + name);
        }
        return '"' + name + '"';
    }

    /**
     * {@code cf_region} → {@code 'cf_region'}: the key of a custom field in the {@code _custom} JSONB
     * column. Keys are field names, so they pass the same check as identifiers; DDL (expression
     * indexes) cannot take parameters, which is why the key is written into the statement.
     */
    public static String jsonKey(String name) {
        if (name == null || !SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid JSON key: " + name);
        }
        return "'" + name + "'";
    }

    /** {@code "schema"."table"}. */
    public static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }
}
