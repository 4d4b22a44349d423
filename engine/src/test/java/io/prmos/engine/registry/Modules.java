package io.prmos.engine.registry;

import static io.restassured.RestAssured.given;

import io.prmos.engine.sql.SqlIdentifier;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers of the publishing specs: a one-entity test module ({@code Item}) built as YAML text,
 * the admin API calls, and SQL look-ups of what the database really holds.
 */
final class Modules {

    static final String ADMIN = "/api/admin/modules";

    private Modules() {
    }

    /**
     * A module with one entity {@code Item} whose fields are the given YAML lines (each
     * {@code name: { ... }}), the role partner_manager (alice) granted everything on it.
     */
    static String manifest(String module, String version, String fields, String tail) {
        StringBuilder yaml = new StringBuilder()
                .append("apiVersion: prm/v1\n")
                .append("module: ").append(module).append('\n')
                .append("version: ").append(version).append('\n')
                .append("title: ").append(module).append(" test module\n")
                .append("roles:\n")
                .append("  partner_manager: { label: Partner manager }\n")
                .append("entities:\n")
                .append("  Item:\n")
                .append("    label: Item\n")
                .append("    fields:\n");
        for (String line : fields.strip().split("\n")) {
            yaml.append("      ").append(line.strip()).append('\n');
        }
        yaml.append("permissions:\n")
                .append("  partner_manager:\n")
                .append("    Item: { read: all, create: true, update: all, delete: all, restore: all }\n");
        if (tail != null && !tail.isBlank()) {
            yaml.append(tail.endsWith("\n") ? tail : tail + "\n");
        }
        return yaml.toString();
    }

    static String items(String module) {
        return "/api/v1/" + module + "/item";
    }

    static Map<String, Object> body(String file, String source) {
        Map<String, Object> module = new LinkedHashMap<>();
        module.put("file", file);
        module.put("source", source);
        return Map.of("modules", List.of(module));
    }

    static Response publish(String module, String source, boolean dryRun) {
        return given().contentType(ContentType.JSON).body(body(module + "/module.yaml", source))
                .post(ADMIN + "?dryRun=" + dryRun);
    }

    /** Publishes and insists on 200: a setup step, not the thing under test. */
    static void installed(String module, String source) {
        Response response = publish(module, source, false);
        if (response.statusCode() != 200) {
            throw new AssertionError("expected 200 publishing " + module + ", got " + response.statusCode() + ": " + response.asString());
        }
    }

    static String createItem(String module, Map<String, Object> record) {
        Response response = given().contentType(ContentType.JSON).accept(ContentType.JSON).body(record).post(items(module));
        if (response.statusCode() != 201) {
            throw new AssertionError("expected 201 creating " + record + " in " + module + ", got "
                    + response.statusCode() + ": " + response.asString());
        }
        return response.path("id");
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    /** The column names of a table, as the catalog of the database has them. */
    static List<String> columns(Pool pool, String schema, String table) {
        List<String> out = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = $1 "
                + "AND table_name = $2 ORDER BY ordinal_position").execute(Tuple.of(schema, table)).await().atMost(Duration.ofSeconds(10))) {
            out.add(row.getString(0));
        }
        return out;
    }

    static boolean tableExists(Pool pool, String schema, String table) {
        return pool.preparedQuery("SELECT to_regclass($1) IS NOT NULL").execute(Tuple.of(SqlIdentifier.qualified(schema, table)))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getBoolean(0);
    }

    /** One text value of one row, read by id with SQL (the column name is a test constant, checked against the catalog). */
    static String textColumn(Pool pool, String schema, String table, String column, String id) {
        if (!columns(pool, schema, table).contains(column)) {
            throw new AssertionError("no column " + column + " in " + schema + "." + table + ": " + columns(pool, schema, table));
        }
        Row row = pool.preparedQuery("SELECT " + SqlIdentifier.quote(column) + "::text FROM " + SqlIdentifier.qualified(schema, table) + " WHERE id = $1::uuid")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10)).iterator().next();
        return row.getString(0);
    }

    static String isNullable(Pool pool, String schema, String table, String column) {
        return pool.preparedQuery("SELECT is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 "
                + "AND column_name = $3").execute(Tuple.of(schema, table, column)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString(0);
    }
}
