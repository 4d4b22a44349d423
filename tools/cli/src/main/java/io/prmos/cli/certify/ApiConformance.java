package io.prmos.cli.certify;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.cli.scenario.ScenarioResult;
import io.prmos.metadata.certify.CheckIds;
import io.prmos.metadata.certify.CheckResult;
import io.prmos.metadata.certify.Finding;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The API check: every response the scenarios observed is one the kernel's generated OpenAPI document
 * declares — the path and method exist, the status is a declared response (or {@code default}), and a
 * JSON body has the properties the declared schema requires. Only the module's own record API counts.
 */
final class ApiConformance {

    private ApiConformance() {
    }

    static CheckResult run(JsonNode openapi, String module, List<ScenarioResult> results) {
        List<Finding> findings = new ArrayList<>();
        int checked = 0;
        for (ScenarioResult result : results) {
            for (var answer : result.answers()) {
                String path = answer.path().split("\\?")[0];
                if (!path.startsWith("/api/v1/" + module + "/")) {
                    continue;
                }
                checked++;
                String where = result.scenario().file();
                Optional<JsonNode> operation = operation(openapi, path, answer.method());
                if (operation.isEmpty()) {
                    findings.add(Finding.fail(where, answer.method() + " " + path + " is not in the OpenAPI document"));
                    continue;
                }
                JsonNode responses = operation.get().path("responses");
                JsonNode declared = responses.has(Integer.toString(answer.status())) ? responses.get(Integer.toString(answer.status()))
                        : responses.get("default");
                if (declared == null) {
                    findings.add(Finding.fail(where, answer.method() + " " + path + " answered " + answer.status()
                            + ", which the OpenAPI document does not declare"));
                    continue;
                }
                JsonNode schema = resolve(openapi, declared.path("content").path("application/json").path("schema"));
                for (JsonNode required : schema.path("required")) {
                    if (answer.body().isObject() && !answer.body().has(required.asText())) {
                        findings.add(Finding.fail(where, answer.method() + " " + path + " " + answer.status() + " lacks '"
                                + required.asText() + "', which its declared schema requires"));
                    }
                }
            }
        }
        String summary = checked == 0 ? "the scenarios made no calls to the module's API" : checked + " response(s) checked against /q/openapi";
        return CheckResult.of(CheckIds.API, CheckIds.title(CheckIds.API), summary, findings);
    }

    private static Optional<JsonNode> operation(JsonNode openapi, String path, String method) {
        for (Iterator<Map.Entry<String, JsonNode>> it = openapi.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (path.matches(entry.getKey().replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\."))) {
                JsonNode op = entry.getValue().get(method.toLowerCase(Locale.ROOT));
                if (op != null) {
                    return Optional.of(op);
                }
            }
        }
        return Optional.empty();
    }

    private static JsonNode resolve(JsonNode openapi, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            JsonNode target = openapi;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            return target;
        }
        return schema;
    }
}
