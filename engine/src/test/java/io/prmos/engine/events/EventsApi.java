package io.prmos.engine.events;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Helpers of the events specs: requests, and the outbox as the owner sees it. */
final class EventsApi {

    static final String PARTNERS = "/api/v1/partners/partner";
    static final String ORGANIZATIONS = "/api/v1/organizations/organization";

    private EventsApi() {
    }

    static String prefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    static String create(String collection, Map<String, Object> body) {
        return json().body(body).post(collection).then().statusCode(201).extract().path("id");
    }

    /** Outbox rows of one record, in insertion order: type, sequence, data. */
    static List<Row> outboxOf(Pool pool, String recordId) {
        List<Row> out = new ArrayList<>();
        pool.preparedQuery("SELECT type, sequence, data, subject, tenant_id, actor, position FROM prm_kernel.event_outbox"
                        + " WHERE record_id = $1 ORDER BY id")
                .execute(Tuple.of(UUID.fromString(recordId))).await().atMost(Duration.ofSeconds(10)).forEach(out::add);
        return out;
    }

    static long outboxCount(Pool pool, String jsonContains) {
        return pool.preparedQuery("SELECT count(*) FROM prm_kernel.event_outbox WHERE data::text LIKE $1")
                .execute(Tuple.of("%" + jsonContains + "%")).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
