package io.prmos.engine.api;

import static io.prmos.engine.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Request metrics on /q/metrics name route templates, never the ids or names a client sent. */
@QuarkusTest
class RequestMetricsSpec {

    @Test
    void requestsAreCountedByTemplateMethodAndStatus() {
        String id = partner(prefix() + "Metered");
        given().get(PARTNERS + "/" + id).then().statusCode(200);
        given().get(PARTNERS + "/7d444840-9dc0-11d1-b245-5ffdce74fad2").then().statusCode(404);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/{module}/{entity}/{id}\"}"))
                .body(containsString("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"/api/v1/{module}/{entity}/{id}\"}"))
                .body(containsString("uri=\"/api/v1/{module}/{entity}\""))
                .body(not(containsString(id)));
    }
}
