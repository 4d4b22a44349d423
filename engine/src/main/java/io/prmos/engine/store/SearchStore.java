package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.quote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.schema.SearchVectors;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.Catalog;
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
 * Full-text search over the stored search vectors (docs/adr/0034, 0080). User text never becomes
 * tsquery syntax: it is split into words of letters and digits, each bound as one prefix lexeme
 * ({@code word:*}) and all required ({@code &}).
 *
 * <p>A caller matches, is ranked and is highlighted only on the searchable fields it may read:
 * the vector over exactly those fields when one is stored, else the smallest stored vector that
 * covers them narrows the rows through its index and the vector of the caller's fields, computed
 * for those rows only, decides. At most {@link #CANDIDATES} matching rows per entity are ranked
 * (the ranking of every prefix match made a short prefix cost a scan of thousands of rows); the
 * group says so with {@code capped}. Rows are filtered by tenant, live state and the caller's read
 * predicate in SQL; snippets are built from readable fields only, HTML-escaped, matches in {@code <mark>}.
 */
public final class SearchStore {

    /** At most this many words of a query are used. */
    public static final int MAX_TERMS = 8;
    /** Matching rows per entity that are ranked; a query matching more is capped (the caller refines it). */
    public static final int CANDIDATES = 200;
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** One entity's part of a search: its searchable fields the caller may read (never empty) and the caller's read predicate. */
    public record Scope(EntityDescriptor entity, List<FieldDescriptor> readableSearchable, Access access) {
    }

    /** One hit: the record (projected), its rank and a highlighted snippet. */
    public record Hit(ObjectNode record, double rank, String snippet) {
    }

    /** The hits of one entity, best first, and whether more rows matched than were ranked. */
    public record Hits(List<Hit> hits, boolean capped) {
    }

    private final TenantTransactions transactions;
    private final StatementCache statements;
    private final KernelTenantFilter tenantFilter;
    private final SearchLayouts layouts = new SearchLayouts();

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

    /**
     * One statement per entity, sent together with the tenant setting in one pipeline (they only
     * read, so they need no common transaction), results in the order of {@code scopes}.
     */
    public Uni<List<Hits>> search(Caller caller, Catalog catalog, List<Scope> scopes, String tsquery, int limit) {
        if (scopes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return transactions.read(caller, c -> {
            List<Uni<Hits>> each = new ArrayList<>();
            for (Scope scope : scopes) {
                each.add(one(c, caller, catalog, scope, tsquery, limit));
            }
            return Uni.join().all(each).andFailFast();
        });
    }

    private Uni<Hits> one(SqlConnection c, Caller caller, Catalog catalog, Scope scope, String tsquery, int limit) {
        EntityStatements s = statements.of(scope.entity());
        SearchLayouts.Match match = layouts.match(catalog, scope.entity(), scope.readableSearchable());
        String config = SearchVectors.config(scope.entity().options().searchLanguage());
        Params params = new Params();
        String query = "to_tsquery(" + config + ", " + params.add(tsquery) + ")";
        String stored = quote(match.indexed().column());
        String own = match.exact() ? stored : "(" + SearchVectors.expression(match.own()) + ")";
        String candidates = "SELECT * FROM " + s.table + " WHERE " + tenantFilter.condition(params, caller)
                + " AND " + quote("deleted_at") + " IS NULL AND " + stored + " @@ " + query
                + (match.exact() ? "" : " AND " + own + " @@ " + query)
                + scope.access().rows().map(r -> " AND " + WhereRenderer.render(r, params)).orElse("")
                + " LIMIT " + params.add(CANDIDATES);
        String sql = "WITH " + quote("candidates") + " AS MATERIALIZED (" + candidates + ")"
                + " SELECT " + s.selectList + ", ts_rank(" + own + ", " + query + ") AS " + quote("rank")
                + ", ts_headline(" + config + ", " + document(match.own()) + ", " + query
                + ", 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=20, MinWords=5') AS " + quote("snippet")
                + ", (SELECT count(*) FROM " + quote("candidates") + ") AS " + quote("matched")
                + " FROM " + quote("candidates") + " ORDER BY " + quote("rank") + " DESC, " + quote("id")
                + " LIMIT " + params.add(limit);
        return c.preparedQuery(sql).execute(params.tuple()).map(rows -> {
            List<Hit> hits = new ArrayList<>();
            boolean capped = false;
            int base = s.columns.size();
            for (Row row : rows) {
                hits.add(new Hit(RowMapper.toJson(s, row, scope.access().projection()), row.getDouble(base), row.getString(base + 1)));
                capped = row.getLong(base + 2) >= CANDIDATES;
            }
            return new Hits(hits, capped);
        });
    }

    /** The caller's readable searchable text, bounded as the vectors are, escaped before highlighting (the only markup is the engine's). */
    private static String document(SearchVectors.Vector own) {
        List<String> texts = new ArrayList<>();
        for (SearchVectors.Part part : own.parts()) {
            texts.add("replace(replace(replace(" + SearchVectors.boundedText(part.column(), own.maxChars())
                    + ", '&', '&amp;'), '<', '&lt;'), '>', '&gt;')");
        }
        return "concat_ws(' | ', " + String.join(", ", texts) + ")";
    }
}
