package io.prmos.engine.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.events.DomainEvent;
import io.prmos.engine.events.EventSubscriber;
import io.prmos.engine.hooks.HookEvents;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.TenantTransactions;
import io.prmos.engine.store.TransactionRecords;
import io.prmos.engine.validation.RecordValidator;
import io.prmos.engine.validation.TypedValues;
import io.prmos.engine.validation.WriteMode;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.model.Automation;
import io.prmos.metadata.rules.EventEnvironment;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs the manifests' automations: an {@link EventSubscriber} (cluster scope, at least once, after
 * commit) that, for each automation whose {@code on} names the event's type and whose {@code when}
 * holds, runs its record and emit steps in one transaction of the event's tenant as the system
 * caller {@code automation:<name>} (job steps enqueue in that transaction, see {@link AutomationJobs}), then
 * its webhook calls. A failing step rolls the automation's
 * transaction back and is logged; the event is not retried for it (an automation must not block the log).
 */
@ApplicationScoped
public class Automations implements EventSubscriber {

    private static final Logger LOG = Logger.getLogger(Automations.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CatalogHolder catalogs;

    @Inject
    TenantTransactions transactions;

    @Inject
    TransactionRecords records;

    @Inject
    RecordValidator validator;

    @Inject
    HookEvents events;

    @Inject
    AutomationJobs jobSteps;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public String id() {
        return "automations";
    }

    @Override
    public boolean accepts(DomainEvent event) {
        return !matching(catalogs.current(), event).isEmpty();
    }

    @Override
    public Uni<Void> onEvent(DomainEvent event) {
        Catalog catalog = catalogs.current();
        Map<String, Object> variables = CelValues.of(event.envelope());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Matched matched : matching(catalog, event)) {
            Automation automation = matched.automation();
            chain = chain.flatMap(x -> run(catalog, matched, event, variables)
                    .onFailure().recoverWithItem(f -> {
                        LOG.errorf(f, "Automation %s failed on event %s (%s)", automation.name(), event.id(), event.type());
                        return null;
                    }));
        }
        return chain;
    }

    /** An automation and the module that declares it. */
    private record Matched(String module, Automation automation) {
    }

    private static List<Matched> matching(Catalog catalog, DomainEvent event) {
        List<Matched> out = new ArrayList<>();
        for (ModuleDescriptor module : catalog.modules()) {
            module.manifest().automations().stream().filter(a -> a.on().equals(event.type()))
                    .forEach(a -> out.add(new Matched(module.manifest().module(), a)));
        }
        return out;
    }

    private Uni<Void> run(Catalog catalog, Matched matched, DomainEvent event, Map<String, Object> variables) {
        Automation automation = matched.automation();
        if (automation.when().isPresent()) {
            var condition = EventEnvironment.evaluate(EventEnvironment.program(automation.when().get()), variables);
            if (!condition.isTrue()) {
                return Uni.createFrom().voidItem();
            }
        }
        Caller system = new Caller(event.tenant(), "automation:" + automation.name(), "automation " + automation.name(), Set.of());
        List<String> webhooks = new ArrayList<>();
        return transactions.run(system, c -> {
            Uni<Void> steps = Uni.createFrom().voidItem();
            for (int i = 0; i < automation.steps().size(); i++) {
                Automation.Step step = automation.steps().get(i);
                if (step instanceof Automation.Webhook hook) {
                    webhooks.add(hook.url());
                } else if (step instanceof Automation.EnqueueJob job) {
                    String defaultKey = "automation:" + matched.module() + "." + automation.name() + ":" + event.id() + ":" + i;
                    steps = steps.flatMap(x -> jobSteps.enqueue(c, system, job, variables, defaultKey));
                } else {
                    steps = steps.flatMap(x -> step(c, catalog, system, step, variables));
                }
            }
            return steps;
        }).invoke(() -> webhooks.forEach(url -> post(automation, url, event)));
    }

    private Uni<Void> step(SqlConnection c, Catalog catalog, Caller system, Automation.Step step, Map<String, Object> variables) {
        if (step instanceof Automation.CreateRecord create) {
            EntityDescriptor entity = entity(catalog, create.entity());
            Set<String> all = new HashSet<>();
            entity.fields().forEach(f -> all.add(f.name()));
            var values = validator.validate(catalog.module(entity.module()).orElseThrow(), entity,
                    evaluate(create.values(), variables), WriteMode.CREATE, "", all, all);
            return records.create(c, system, catalog, entity, values).replaceWithVoid();
        }
        if (step instanceof Automation.UpdateRecord update) {
            EntityDescriptor entity = entity(catalog, update.entity());
            UUID id = UUID.fromString(String.valueOf(value(update.id(), variables)).replaceAll("^urn:prm:[^:]+:[^:]+:", ""));
            return records.update(c, system, catalog, entity, id, TypedValues.parse(entity, evaluate(update.values(), variables), ""))
                    .replaceWithVoid();
        }
        Automation.Emit emit = (Automation.Emit) step;
        return events.emit(c, system, emit.event(), JSON.convertValue(evaluate(emit.payload(), variables), Map.class));
    }

    /** JSON as CEL values: CEL integers are longs and its floating numbers doubles (also agents' event filters). */
    public static final class CelValues {
        private CelValues() {
        }

        @SuppressWarnings("unchecked")
        public static Map<String, Object> of(ObjectNode json) {
            return (Map<String, Object>) normalized(JSON.convertValue(json, Object.class));
        }

        private static Object normalized(Object value) {
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> out = new java.util.LinkedHashMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), normalized(v)));
                return out;
            }
            if (value instanceof List<?> list) {
                return list.stream().map(CelValues::normalized).toList();
            }
            if (value instanceof Integer || value instanceof Short || value instanceof java.math.BigInteger) {
                return ((Number) value).longValue();
            }
            if (value instanceof Float || value instanceof java.math.BigDecimal) {
                return ((Number) value).doubleValue();
            }
            return value;
        }
    }

    private static EntityDescriptor entity(Catalog catalog, String qualified) {
        int dot = qualified.indexOf('.');
        return catalog.module(qualified.substring(0, dot)).flatMap(m -> m.entities().stream()
                        .filter(e -> e.name().equals(qualified.substring(dot + 1))).findFirst())
                .orElseThrow(() -> new IllegalStateException("no installed entity " + qualified));
    }

    static ObjectNode evaluate(Map<String, String> expressions, Map<String, Object> variables) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        expressions.forEach((key, expression) -> out.set(key, JSON.valueToTree(value(expression, variables))));
        return out;
    }

    static Object value(String expression, Map<String, Object> variables) {
        var result = EventEnvironment.evaluate(EventEnvironment.program(expression), variables);
        if (result.error() != null) {
            throw new IllegalStateException("expression '" + expression + "' failed: " + result.error());
        }
        return result.value();
    }

    /** One POST of the envelope, not retried; declared webhooks are the reliable, signed way. */
    private void post(Automation automation, String url, DomainEvent event) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("webhook-id", event.id().toString())
                .POST(HttpRequest.BodyPublishers.ofString(event.envelope().toString())).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null || response.statusCode() >= 300) {
                LOG.warnf("Automation %s: webhook %s answered %s", automation.name(), url,
                        failure != null ? failure.toString() : String.valueOf(response.statusCode()));
            }
        });
    }
}
