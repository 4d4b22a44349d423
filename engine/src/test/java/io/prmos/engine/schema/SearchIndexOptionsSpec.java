package io.prmos.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Search indexes keep a 64 kB GIN pending list (docs/adr/0099); V152 switches those made before. */
@QuarkusTest
class SearchIndexOptionsSpec {

    private static final String SMALL_LIST = "{fastupdate=on,gin_pending_list_limit=64}";
    private static final String GIN_OPTIONS = "SELECT c.oid::regclass::text, coalesce(c.reloptions::text, '')"
            + " FROM pg_class c JOIN pg_am am ON am.oid = c.relam WHERE c.relkind = 'i' AND am.amname = 'gin'"
            + " AND c.relnamespace = 'partners'::regnamespace";

    @Inject
    Pool pool;

    @Test
    void searchIndexesAreCreatedWithTheSmallestPendingList() {
        assertEquals(SMALL_LIST, ginOptions().get("partners.partner_search_vector_idx"));
        assertEquals("", ginOptions().get("partners.partner_types_gin"), "other GIN indexes keep PostgreSQL's defaults");
    }

    @Test
    void theMigrationSwitchesSearchIndexesMadeWithoutAPendingList() throws IOException {
        run("ALTER INDEX partners.partner_search_vector_idx SET (fastupdate = off) ");
        run("ALTER INDEX partners.partner_search_vector_idx RESET (gin_pending_list_limit)");
        assertEquals("{fastupdate=off}", ginOptions().get("partners.partner_search_vector_idx"));

        run(migration("V152__kernel_search_indexes_with_a_small_pending_list.sql"));

        assertEquals(SMALL_LIST, ginOptions().get("partners.partner_search_vector_idx"));
        assertEquals("", ginOptions().get("partners.partner_types_gin"));
    }

    private Map<String, String> ginOptions() {
        Map<String, String> options = new TreeMap<>();
        pool.query(GIN_OPTIONS).execute().await().atMost(Duration.ofSeconds(10)).forEach(r -> options.put(r.getString(0), r.getString(1)));
        return options;
    }

    private void run(String sql) {
        pool.query(sql).execute().await().atMost(Duration.ofSeconds(10));
    }

    private static String migration(String name) throws IOException {
        try (InputStream in = SearchIndexOptionsSpec.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
