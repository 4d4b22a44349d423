package io.prmos.engine.jobs;

import static io.prmos.engine.jobs.JobQueueSpec.JOBS;
import static io.prmos.engine.jobs.JobQueueSpec.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Jobs page needs: the list paged by cursor, newest first, and an admin's cancel of a queued job. */
@QuarkusTest
class JobAdminSpec {

    private static String enqueue(String type, int n) {
        return json().body(Map.of("type", type, "payload", Map.of("n", n))).post(JOBS).then().statusCode(201).extract().path("id");
    }

    @Test
    void theListPagesByCursorNewestFirstWithoutGapsOrRepeats() {
        String type = JobQueueSpec.type();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(0, enqueue(type, i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            var request = given().queryParam("type", type).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath body = request.get(JOBS).then().statusCode(200).extract().jsonPath();
            seen.addAll(body.getList("items.id"));
            cursor = body.getString("nextCursor");
        }
        assertEquals(ids, seen);
        given().queryParam("cursor", "not a cursor").get(JOBS).then().statusCode(400).body("type", endsWith("bad-cursor"));
    }

    @Test
    void anAdminCancelsAQueuedJobIntoTheDeadLetterAndMayRetryIt() {
        String type = JobQueueSpec.type();
        String id = enqueue(type, 1);
        given().header("Authorization", Tokens.bearer("bob")).post(JOBS + "/" + id + "/cancel").then().statusCode(403);
        json().post(JOBS + "/" + id + "/cancel").then().statusCode(200).body("status", equalTo("dead"))
                .body("lastError", startsWith("cancelled by ")).body("finishedAt", notNullValue()).body("updatedAt", notNullValue());
        json().post(JOBS + "/" + id + "/cancel").then().statusCode(409).body("type", endsWith("job-not-queued"));
        json().post(JOBS + "/" + id + "/retry").then().statusCode(200).body("status", equalTo("queued"))
                .body("finishedAt", nullValue());
        json().post(JOBS + "/00000000-0000-0000-0000-000000000000/cancel").then().statusCode(404);
    }
}
