package io.prmos.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.catalog.ModuleSetCompiler;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bulk INSERT's parameters (docs/adr/0095); its results against PostgreSQL are BulkColumnTypesSpec's. */
class BatchInsertTest {

    private static final EntityStatements PARTNER = new EntityStatements(new ModuleSetCompiler().compileDirectory(Path.of("../modules"))
            .catalog().orElseThrow().entity("partners", "partner").orElseThrow());

    @Test
    void oneArrayPerColumnAfterTheTenantTheUserAndTheIds() {
        BatchInsert batch = PARTNER.batchInsert();
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());
        Tuple params = batch.tuple(List.of(row(42), row(null)), ids);
        assertNotNull(params);
        assertEquals("acme", params.getValue(0));
        assertEquals("alice", params.getValue(1));
        assertEquals(ids, Arrays.asList((UUID[]) params.getValue(2)));
        int score = 3 + columnIndex("score");
        assertEquals(Arrays.asList(42L, null), Arrays.asList((Long[]) params.getValue(score)));
        assertTrue(batch.sql.startsWith("INSERT INTO \"partners\".\"partner\" (\"id\", \"tenant_id\""), batch.sql);
        assertTrue(batch.sql.contains("WITH ORDINALITY"), batch.sql);
        // the partner types (varchar(63)[]) travel as JSON arrays and are cast without the element length,
        // so a too long code is refused by the INSERT's assignment cast, not cut
        assertTrue(batch.sql.contains("jsonb_array_elements_text") && batch.sql.contains("END::varchar[]")
                && !batch.sql.contains("::varchar(63)[]"), batch.sql);
        int types = 3 + columnIndex("types");
        assertEquals(Arrays.asList("[\"reseller\",\"quoted \\\"one\\\"\"]", null), Arrays.asList((String[]) params.getValue(types)));
    }

    @Test
    void aValueOfAnotherTypeLeavesTheRunToThePerRowStatement() {
        Tuple misfit = row(0);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < misfit.size(); i++) {
            values.add(misfit.getValue(i));
        }
        values.set(2 + columnIndex("score"), Numeric.create(new BigDecimal("4.5")));
        assertNull(PARTNER.batchInsert().tuple(List.of(row(1), Tuple.from(values)), List.of(UUID.randomUUID(), UUID.randomUUID())));
    }

    /** An insert tuple of the partner entity as RecordWriter builds it, every value null but the name, tier and score. */
    private static Tuple row(Integer score) {
        List<Object> values = new ArrayList<>(List.of("acme", "alice"));
        for (FieldDescriptor field : PARTNER.entity.fields()) {
            for (String column : field.columns()) {
                values.add(switch (column) {
                    case "name" -> "Acme";
                    case "tier" -> "gold";
                    case "score" -> score;
                    case "types" -> score == null ? null : new String[] {"reseller", "quoted \"one\""};
                    default -> null;
                });
            }
        }
        values.add(7L);
        values.add("P-7");
        return Tuple.from(values);
    }

    /** The position of {@code column} among the insert's field columns. */
    private static int columnIndex(String column) {
        List<String> columns = new ArrayList<>();
        for (FieldDescriptor field : PARTNER.entity.fields()) {
            columns.addAll(field.columns());
        }
        return columns.indexOf(column);
    }
}
