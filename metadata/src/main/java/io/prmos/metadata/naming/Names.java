package io.prmos.metadata.naming;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The naming rules every identifier in a manifest obeys before it may become a SQL identifier. */
public final class Names {

    /** Legal module, field, dictionary and (after snake-casing) entity names. */
    public static final Pattern IDENTIFIER = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    /** Entities may also be written in PascalCase; they map to snake_case tables. */
    public static final Pattern ENTITY = Pattern.compile("^([A-Z][A-Za-z0-9]{0,62}|[a-z][a-z0-9_]{0,62})$");

    /** Columns every entity table carries; manifests may not declare fields with these names. */
    public static final Set<String> SYSTEM_COLUMNS = Set.of(
            "id", "tenant_id", "version", "created_at", "created_by",
            "updated_at", "updated_by", "deleted_at");

    /** PostgreSQL reserved key words (and those reserved as function or type names). */
    public static final Set<String> RESERVED_SQL_WORDS = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "binary", "both", "case", "cast", "check", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
            "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable",
            "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze",
            "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect",
            "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
            "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order",
            "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
            "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then",
            "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when",
            "where", "window", "with");

    private Names() {
    }

    public static boolean isIdentifier(String name) {
        return name != null && IDENTIFIER.matcher(name).matches();
    }

    public static boolean isReservedWord(String name) {
        return RESERVED_SQL_WORDS.contains(name);
    }

    public static boolean isSystemColumn(String name) {
        return SYSTEM_COLUMNS.contains(name);
    }

    /** Columns derived from other data (registry features, search): reserved, never field names. */
    public static final Set<String> DERIVED_COLUMNS = Set.of("public_id", "public_seq", "search_vector", "urn");

    /** A system or derived column: the engine sets it, a request body never may. */
    public static boolean isSetBySystem(String name) {
        return SYSTEM_COLUMNS.contains(name) || DERIVED_COLUMNS.contains(name);
    }

    /** {@code PartnerTier} → {@code partner_tier}; names already in snake_case are unchanged. */
    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean previousIsLowerOrDigit = i > 0
                        && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                boolean previousIsUpper = i > 0 && Character.isUpperCase(name.charAt(i - 1));
                if (previousIsLowerOrDigit || (previousIsUpper && nextIsLower)) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code partner_tier} → {@code Partner tier}: a readable default label. */
    public static String humanize(String name) {
        String spaced = snakeCase(name).replace('_', ' ').trim();
        if (spaced.isEmpty()) {
            return name;
        }
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
