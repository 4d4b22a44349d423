package io.prmos.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one statement that appends the rows of several observers (ADR 0091). */
class AppendStatementTest {

    private static final Append HISTORY = new Append("\"partners\".\"_history\"", List.of("\"record_id\"", "\"version\"", "\"changes\""),
            List.of(Append.UUID, Append.BIGINT, Append.JSONB),
            List.of(new String[] {"0b7f6a3e-1111-4222-8333-944455556666", "1", "{}"},
                    new String[] {"0b7f6a3e-1111-4222-8333-944455556667", "2", null}));
    private static final Append OUTBOX = new Append("\"prm_kernel\".\"event_outbox\"", List.of("\"type\""), List.of(Append.TEXT),
            List.<String[]>of(new String[] {"partners.PartnerCreated"}));

    @Test
    void eachTableIsOneInsertFedByTextArraysInRowOrder() {
        Params params = new Params();
        String sql = AppendStatement.render(List.of(HISTORY, OUTBOX), params);
        assertEquals("WITH a0 AS (INSERT INTO \"partners\".\"_history\" (\"record_id\", \"version\", \"changes\")"
                + " SELECT r.v0::uuid, r.v1::bigint, r.v2::jsonb FROM unnest($1::text[], $2::text[], $3::text[])"
                + " WITH ORDINALITY AS r(v0, v1, v2, ord) ORDER BY r.ord RETURNING 1),"
                + " a1 AS (INSERT INTO \"prm_kernel\".\"event_outbox\" (\"type\") SELECT r.v0 FROM unnest($4::text[])"
                + " WITH ORDINALITY AS r(v0, ord) ORDER BY r.ord RETURNING 1) SELECT 1", sql);
        List<Object> values = params.values();
        assertArrayEquals(new String[] {"0b7f6a3e-1111-4222-8333-944455556666", "0b7f6a3e-1111-4222-8333-944455556667"},
                (String[]) values.get(0));
        assertArrayEquals(new String[] {"{}", null}, (String[]) values.get(2));
        assertEquals(4, values.size());
    }

    @Test
    void appendsOfOneRowEachAreInsertsOfOneValuesRowOfTextParameters() {
        Append history = new Append(HISTORY.table(), HISTORY.columns(), HISTORY.types(), HISTORY.rows().subList(0, 1));
        Params params = new Params();
        String sql = AppendStatement.render(List.of(history, OUTBOX), params);
        assertEquals("WITH a0 AS (INSERT INTO \"partners\".\"_history\" (\"record_id\", \"version\", \"changes\")"
                + " VALUES ($1::text::uuid, $2::text::bigint, $3::text::jsonb) RETURNING 1),"
                + " a1 AS (INSERT INTO \"prm_kernel\".\"event_outbox\" (\"type\") VALUES ($4::text) RETURNING 1) SELECT 1", sql);
        assertEquals(List.of("0b7f6a3e-1111-4222-8333-944455556666", "1", "{}", "partners.PartnerCreated"), params.values());
        assertEquals(params.values(), AppendStatement.bound(List.of(history, OUTBOX)).values());
    }

    @Test
    void aWriteAndItsAppendsAreOneStatementWhoseAppendsNumberTheirParametersAfterTheWrites() {
        Append history = new Append(HISTORY.table(), HISTORY.columns(), HISTORY.types(), HISTORY.rows().subList(0, 1));
        String write = "INSERT INTO \"partners\".\"partner\" (\"id\", \"name\") VALUES ($1, $2) RETURNING \"id\", \"name\"";
        String sql = AppendStatement.afterWrite(write, 2, List.of(history, OUTBOX));
        assertEquals("WITH w AS (" + write + "),"
                + " a0 AS (INSERT INTO \"partners\".\"_history\" (\"record_id\", \"version\", \"changes\")"
                + " VALUES ($3::text::uuid, $4::text::bigint, $5::text::jsonb) RETURNING 1),"
                + " a1 AS (INSERT INTO \"prm_kernel\".\"event_outbox\" (\"type\") VALUES ($6::text) RETURNING 1) SELECT * FROM w", sql);
        assertEquals("WITH w AS (" + write + ") SELECT * FROM w", AppendStatement.afterWrite(write, 2, List.of()));
    }

    @Test
    void aNullValueOfAOneRowAppendIsBoundAsNull() {
        Append history = new Append(HISTORY.table(), HISTORY.columns(), HISTORY.types(), HISTORY.rows().subList(1, 2));
        assertEquals(java.util.Arrays.asList("0b7f6a3e-1111-4222-8333-944455556667", "2", null),
                AppendStatement.bound(List.of(history)).values());
    }

    @Test
    void oneAppendOfSeveralRowsPutsEveryAppendOfTheStatementInTheArrayShape() {
        Params params = new Params();
        String sql = AppendStatement.render(List.of(OUTBOX, HISTORY), params);
        assertFalse(sql.contains("VALUES"), sql);
        assertArrayEquals(new String[] {"partners.PartnerCreated"}, (String[]) params.values().get(0));
        assertArrayEquals(new String[] {"partners.PartnerCreated"}, (String[]) AppendStatement.bound(List.of(OUTBOX, HISTORY)).values().get(0));
    }

    @Test
    void theParametersAreBoundInTheOrderTheCachedTextNumbersThem() {
        Params rendered = new Params();
        AppendStatement.render(List.of(OUTBOX, HISTORY, OUTBOX), rendered);
        List<Object> bound = AppendStatement.bound(List.of(OUTBOX, HISTORY, OUTBOX)).values();
        assertEquals(rendered.values().size(), bound.size());
        for (int i = 0; i < bound.size(); i++) {
            if (bound.get(i) instanceof String[] array) {
                assertArrayEquals((String[]) rendered.values().get(i), array, "parameter $" + (i + 1));
            } else {
                assertEquals(rendered.values().get(i), bound.get(i), "parameter $" + (i + 1));
            }
        }
    }

    @Test
    void rowsMustHaveOneValuePerColumnAndTypesMustBeKnown() {
        assertThrows(IllegalArgumentException.class, () -> new Append("t", List.of("a"), List.of(Append.TEXT),
                List.<String[]>of(new String[] {"x", "y"})));
        assertThrows(IllegalArgumentException.class, () -> new Append("t", List.of("a"), List.of("integer; DROP"),
                List.<String[]>of(new String[] {"x"})));
    }
}
