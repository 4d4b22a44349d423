package io.prmos.cli.certify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.cli.http.Http;
import io.prmos.cli.kernel.Kernel;
import io.prmos.metadata.certify.CheckIds;
import io.prmos.metadata.certify.CheckResult;
import io.prmos.metadata.certify.Finding;
import io.prmos.metadata.certify.PerformanceBudget;
import io.prmos.metadata.model.EntityDef;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The performance check: for each budget, seeds the entity's records in a tenant of their own, then
 * measures list, get and create as a user with the budget's role, sequentially ({@link #SAMPLES} each
 * after a warm-up), and compares the 95th percentile with the budget. Figures depend on the machine:
 * a budget is a guard against regressions on the certifying CI's machine, not a promise.
 */
final class BudgetMeter {

    static final int SAMPLES = 40;
    static final String TENANT = "prm-budget";

    private final Kernel kernel;
    private final Http http = new Http();

    BudgetMeter(Kernel kernel) {
        this.kernel = kernel;
    }

    /** The dev identity user a budget is measured as. */
    static String user(PerformanceBudget budget) {
        return "budget-" + budget.role().orElse("admin");
    }

    CheckResult run(String module, List<PerformanceBudget> budgets, java.util.Collection<EntityDef> entities) {
        if (budgets.isEmpty()) {
            return CheckResult.of(CheckIds.PERFORMANCE, CheckIds.title(CheckIds.PERFORMANCE), "the manifest declares no budgets", List.of());
        }
        List<Finding> findings = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        for (PerformanceBudget budget : budgets) {
            EntityDef entity = entities.stream().filter(e -> e.name().equals(budget.entity())).findFirst().orElse(null);
            if (entity == null) {
                findings.add(Finding.fail("budgets", "no entity " + budget.entity() + " in " + module));
                continue;
            }
            String base = "/api/v1/" + module + "/" + entity.name().toLowerCase(Locale.ROOT);
            ObjectNode sample = sampleValues(entity);
            String id = seed(module + "." + entity.name(), sample, budget.records());
            for (var limit : budget.p95().entrySet()) {
                IntFunction<HttpRequest> request = switch (limit.getKey()) {
                    case "list" -> i -> get(base + "?limit=50", user(budget));
                    case "get" -> i -> get(base + "/" + id, user(budget));
                    default -> i -> post(base, sample, user(budget));
                };
                Duration p95 = p95(request);
                figures.add(entity.name() + " " + limit.getKey() + " p95 " + p95.toMillis() + " ms (budget " + limit.getValue().toMillis() + " ms)");
                if (p95.compareTo(limit.getValue()) > 0) {
                    findings.add(Finding.fail("budgets", entity.name() + " " + limit.getKey() + ": p95 " + p95.toMillis()
                            + " ms over the budget of " + limit.getValue().toMillis() + " ms with " + budget.records() + " records"));
                }
            }
        }
        return CheckResult.of(CheckIds.PERFORMANCE, CheckIds.title(CheckIds.PERFORMANCE), String.join("; ", figures), findings);
    }

    /** Values for the required fields of an entity (text-like and numeric ones; others must have defaults). */
    static ObjectNode sampleValues(EntityDef entity) {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        entity.fields().values().stream().filter(f -> f.required() && f.defaultValue().isEmpty() && f.formula().isEmpty()).forEach(f -> {
            switch (f.type().name()) {
                case "integer", "decimal" -> values.put(f.name(), 1);
                case "boolean" -> values.put(f.name(), true);
                case "money" -> values.putObject(f.name()).put("amount", 1).put("currency", "EUR");
                default -> values.put(f.name(), "budget");
            }
        });
        return values;
    }

    private String seed(String entity, ObjectNode values, int records) {
        String id = null;
        for (int i = 0; i < records; i++) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("tenant", TENANT).put("entity", entity);
            body.set("values", values);
            JsonNode created = send(post("/api/test-support/records", body, Kernel.OPERATOR));
            id = created.path("id").asText(id);
        }
        return id;
    }

    private Duration p95(IntFunction<HttpRequest> request) {
        for (int i = 0; i < 5; i++) {
            send(request.apply(i));
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long started = System.nanoTime();
            send(request.apply(i));
            nanos.add(System.nanoTime() - started);
        }
        nanos.sort(Long::compare);
        return Duration.ofNanos(nanos.get((int) Math.ceil(SAMPLES * 0.95) - 1));
    }

    private HttpRequest get(String path, String user) {
        return HttpRequest.newBuilder(Http.uri(kernel.url() + path)).header("Authorization", "Bearer " + kernel.token(user)).GET().build();
    }

    private HttpRequest post(String path, JsonNode body, String user) {
        return HttpRequest.newBuilder(Http.uri(kernel.url() + path)).header("Authorization", "Bearer " + kernel.token(user))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private JsonNode send(HttpRequest request) {
        var response = http.send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode()
                    + " while measuring a budget: " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            return Http.JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }
}
