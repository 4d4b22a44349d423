package io.prmos.engine.schema;

import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The most bytes one entry of a b-tree index over some columns of an entity table can take.
 * PostgreSQL refuses a write whose entry exceeds 2,704 bytes ("index row size … exceeds btree
 * maximum"), and text need not compress: three {@code text} fields of the default 255 characters,
 * filled with 4-byte letters, need 3,104 bytes. Indexes over several columns are kept within the
 * limit by digesting or leaving out text columns (docs/adr/0082), so a write the catalog allows
 * never fails on an index.
 */
final class IndexWidth {

    /** PostgreSQL's b-tree limit (2,704 bytes) less the index tuple header and alignment. */
    static final int MAX_ENTRY_BYTES = 2_600;
    /** An md5 digest in hex with its length header. */
    private static final int DIGEST_BYTES = 36;
    private static final Pattern CHARACTERS = Pattern.compile("(?:varchar|char)\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),\\d+\\)");

    private final Map<String, String> typeOf = new HashMap<>();

    IndexWidth(EntityDescriptor entity) {
        ColumnTypes.systemColumns().forEach(c -> typeOf.put(c.name(), c.sqlType()));
        ColumnTypes.registryColumns(entity).forEach(c -> typeOf.put(c.name(), c.sqlType()));
        for (FieldDescriptor field : entity.fields()) {
            if (!field.custom()) {
                ColumnTypes.columnsOf(field).forEach(c -> typeOf.put(c.name(), c.sqlType()));
            }
        }
    }

    /** Worst-case bytes of an entry over {@code columns}, those in {@code digested} as their md5. */
    int of(List<String> columns, Set<String> digested) {
        int bytes = 0;
        for (String column : columns) {
            bytes += digested.contains(column) ? DIGEST_BYTES : of(column);
        }
        return bytes;
    }

    boolean fits(List<String> columns, Set<String> digested) {
        return of(columns, digested) <= MAX_ENTRY_BYTES;
    }

    /** Whether the column holds text whose digest is smaller than its worst case. */
    boolean digestible(String column) {
        return CHARACTERS.matcher(typeOf.getOrDefault(column, "")).matches() && of(column) > DIGEST_BYTES;
    }

    /** Characters take up to 4 bytes in UTF-8; numeric(p) about one byte per digit; other types at most 16. */
    int of(String column) {
        String type = typeOf.getOrDefault(column, "");
        Matcher text = CHARACTERS.matcher(type);
        if (text.matches()) {
            return 4 + 4 * Integer.parseInt(text.group(1));
        }
        Matcher numeric = NUMERIC.matcher(type);
        if (numeric.matches()) {
            return 8 + Integer.parseInt(numeric.group(1));
        }
        return 16;
    }
}
