package io.prmos.cli.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.cli.http.Http;
import io.prmos.cli.scenario.KernelApi;
import io.prmos.cli.scenario.Scenario;
import io.prmos.cli.scenario.ScenarioResult;
import io.prmos.metadata.certify.CheckResult;
import io.prmos.metadata.certify.CheckStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API check's three kinds of non-conformance, each on an answer built for it against a small
 * OpenAPI document: an undeclared operation, an undeclared status, and a body missing a property its
 * declared schema requires ({@code CertifyKernelSpec} shows the first against a real kernel; the
 * engine's own answers give no other kind). Calls outside the module's API are not judged.
 */
class ApiConformanceTest {

    private static final String OPENAPI = """
            {"paths": {
              "/api/v1/stock/item/{id}": {"get": {"responses": {
                "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}},
                "404": {"content": {"application/problem+json": {}}}}}}},
             "components": {"schemas": {"Item": {"type": "object", "required": ["id", "name"]}}}}
            """;

    private static ScenarioResult observed(KernelApi.Answer... answers) {
        Scenario scenario = new Scenario("tests/a.yaml", "a", "t1", Map.of(), List.of(), List.of());
        return new ScenarioResult(scenario, answers.length, List.of(), List.of(), List.of(answers), 1);
    }

    private static KernelApi.Answer answer(String method, String path, int status, String body) throws Exception {
        return new KernelApi.Answer(method, path, status, "application/json", Http.JSON.readTree(body));
    }

    @Test
    void eachKindOfNonConformanceIsAFindingWithTheScenarioFile() throws Exception {
        JsonNode openapi = Http.JSON.readTree(OPENAPI);
        CheckResult check = ApiConformance.run(openapi, "stock", List.of(observed(
                answer("GET", "/api/v1/stock/item/7?expand=x", 200, "{\"id\": \"7\", \"name\": \"Bolt\"}"),
                answer("GET", "/api/v1/stock/item/8", 404, "{}"),
                answer("DELETE", "/api/v1/stock/item/7", 204, "{}"),
                answer("GET", "/api/v1/stock/item/9", 409, "{}"),
                answer("GET", "/api/v1/stock/item/10", 200, "{\"id\": \"10\"}"),
                answer("GET", "/api/v1/other/thing", 500, "{}"))));
        assertEquals(CheckStatus.FAIL, check.status());
        assertEquals("5 response(s) checked against /q/openapi", check.summary());
        assertEquals(List.of(
                "tests/a.yaml: DELETE /api/v1/stock/item/7 is not in the OpenAPI document",
                "tests/a.yaml: GET /api/v1/stock/item/9 answered 409, which the OpenAPI document does not declare",
                "tests/a.yaml: GET /api/v1/stock/item/10 200 lacks 'name', which its declared schema requires"),
                check.findings().stream().map(f -> f.location() + ": " + f.message()).toList());
    }

    @Test
    void conformingAnswersPass() throws Exception {
        CheckResult check = ApiConformance.run(Http.JSON.readTree(OPENAPI), "stock", List.of(observed(
                answer("GET", "/api/v1/stock/item/7", 200, "{\"id\": \"7\", \"name\": \"Bolt\"}"))));
        assertEquals(CheckStatus.PASS, check.status(), check.toString());
    }
}
