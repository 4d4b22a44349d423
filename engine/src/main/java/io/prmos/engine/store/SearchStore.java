package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.quote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.schema.SearchVectors;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Full-text search over the {@code search_vector} columns. User text never becomes tsquery syntax:
 * it is split into words of letters and digits, each bound as one prefix lexeme ({@code word:*})
 * and all required ({@code &}). Rows are filtered by tenant, live state and the caller's read
 * predicate in SQL, ranked with ts_rank, and highlighted with ts_headline over readable fields only (HTML-escaped, matches in {@code <mark>}).
 */
public final class SearchStore {

    /** At most this many words of a query are used. */
    public static final int MAX_TERMS = 8;
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** One entity's part of a search: its readable searchable fields and the caller's read predicate. */
    public record Scope(EntityDescriptor entity, List<FieldDescriptor> readableSearchable, Access access) {
    }

    /** One hit: the record (projected), its rank and a highlighted snippet. */
    public record Hit(ObjectNode record, double rank, String snippet) {
    }

    private final TenantTransactions transactions;
    private final StatementCache statements;
    private final KernelTenantFilter tenantFilter;

    public SearchStore(TenantTransactions transactions, StatementCache statements, KernelTenantFilter tenantFilter) {
        this.transactions = transactions;
        this.statements = statements;
        this.tenantFilter = tenantFilter;
    }

    /** {@code "Acme-North 42"} → {@code acme:* & north:* & 42:*}; empty when the text has no word. */
    public static String prefixQuery(String text) {
        List<String> terms = new ArrayList<>();
        for (String word : NOT_WORD.split(text == null ? "" : text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && terms.size() < MAX_TERMS) {
                terms.add(word + ":*");
            }
        }
        return String.join(" & ", terms);
    }

    /** Runs one ranked statement per entity in one read-only transaction, best hits first within each. */
    public Uni<List<List<Hit>>> search(Caller caller, List<Scope> scopes, String tsquery, int limit) {
        return transactions.run(caller, c -> {
            Uni<List<List<Hit>>> chain = Uni.createFrom().item(new ArrayList<>());
            for (Scope scope : scopes) {
                chain = chain.flatMap(all -> one(c, caller, scope, tsquery, limit).map(hits -> {
                    all.add(hits);
                    return all;
                }));
            }
            return chain;
        });
    }

    private Uni<List<Hit>> one(SqlConnection c, Caller caller, Scope scope, String tsquery, int limit) {
        EntityStatements s = statements.of(scope.entity());
        String config = "'" + language(scope.entity()) + "'::regconfig";
        Params params = new Params();
        String query = "to_tsquery(" + config + ", " + params.add(tsquery) + ")";
        List<String> texts = new ArrayList<>();
        for (FieldDescriptor field : scope.readableSearchable()) {
            // escaped before highlighting, so the only markup in a snippet is the <mark> the engine adds
            texts.add("replace(replace(replace(coalesce(" + quote(field.column()) + "::text, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')");
        }
        String document = texts.isEmpty() ? "''" : "concat_ws(' | ', " + String.join(", ", texts) + ")";
        String vector = quote(SearchVectors.COLUMN);
        String sql = "SELECT " + s.selectList + ", ts_rank(" + vector + ", " + query + ") AS " + quote("rank")
                + ", ts_headline(" + config + ", " + document + ", " + query
                + ", 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=20, MinWords=5') AS " + quote("snippet")
                + " FROM " + s.table + " WHERE " + tenantFilter.condition(params, caller)
                + " AND " + quote("deleted_at") + " IS NULL AND " + vector + " @@ " + query
                + scope.access().rows().map(r -> " AND " + WhereRenderer.render(r, params)).orElse("")
                + " ORDER BY " + quote("rank") + " DESC, " + quote("id") + " LIMIT " + params.add(limit);
        return c.preparedQuery(sql).execute(params.tuple()).map(rows -> {
            List<Hit> hits = new ArrayList<>();
            int base = s.columns.size();
            for (Row row : rows) {
                hits.add(new Hit(RowMapper.toJson(s, row, scope.access().projection()), row.getDouble(base), row.getString(base + 1)));
            }
            return hits;
        });
    }

    private static String language(EntityDescriptor entity) {
        String language = entity.options().searchLanguage();
        if (!SearchVectors.LANGUAGES.contains(language)) {
            throw new IllegalStateException("unknown text search configuration " + language);
        }
        return language;
    }
}
