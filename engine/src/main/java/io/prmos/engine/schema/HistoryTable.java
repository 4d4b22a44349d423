package io.prmos.engine.schema;

import static io.prmos.engine.sql.SqlIdentifier.qualified;
import static io.prmos.engine.sql.SqlIdentifier.quote;

import java.util.List;
import java.util.Set;

/**
 * The audit history table of a module schema: one row per change of a record of an audited entity,
 * its field changes as a jsonb object {@code {field: {old, new}}} (docs/adr/0060). The leading
 * underscore keeps it apart from entity tables, whose names are identifiers starting with a letter.
 */
public final class HistoryTable {

    public static final String NAME = "_history";
    /** Serves "the history of one record, newest first" and keyset paging on id. */
    public static final IndexSpec RECORD_INDEX = new IndexSpec(NAME + "_record_idx",
            List.of("tenant_id", "entity", "record_id", "id"), false, false, Set.of("id"));

    private HistoryTable() {
    }

    static String create(String schema) {
        return "CREATE TABLE IF NOT EXISTS " + qualified(schema, NAME) + " (\n"
                + "  " + quote("id") + " bigint GENERATED ALWAYS AS IDENTITY,\n"
                + "  " + quote("tenant_id") + " varchar(63) NOT NULL,\n"
                + "  " + quote("entity") + " varchar(63) NOT NULL,\n"
                + "  " + quote("record_id") + " uuid NOT NULL,\n"
                + "  " + quote("version") + " bigint NOT NULL,\n"
                + "  " + quote("operation") + " varchar(16) NOT NULL,\n"
                + "  " + quote("changed_by") + " varchar(255) NOT NULL,\n"
                + "  " + quote("changed_by_name") + " varchar(255),\n"
                + "  " + quote("changed_at") + " timestamptz NOT NULL DEFAULT now(),\n"
                + "  " + quote("request_id") + " varchar(128),\n"
                + "  " + quote("changes") + " jsonb NOT NULL,\n"
                + "  CONSTRAINT " + quote(NAME + "_pkey") + " PRIMARY KEY (" + quote("id") + ")\n"
                + ")";
    }
}
