package io.prmos.engine.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.StoreExceptions;
import io.prmos.engine.store.TenantTransactions;
import io.prmos.engine.store.TransactionRecords;
import io.prmos.engine.validation.RecordValidator;
import io.prmos.engine.validation.ValidationException;
import io.prmos.engine.validation.Violation;
import io.prmos.hooks.ActionHook;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.model.ActionDef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;

/**
 * Runs a custom action: the input is validated against the action's JSON Schema (every violation at
 * its pointer, 422), then the action's hook runs with the record in one transaction and its result
 * is returned. The resource has checked the caller's roles and that they can read the record.
 */
@ApplicationScoped
public class ActionRunner {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Inject
    HookCatalog hooks;

    @Inject
    HookRunner runner;

    @Inject
    HookEvents events;

    @Inject
    HookJobs jobs;

    @Inject
    TenantTransactions transactions;

    @Inject
    TransactionRecords records;

    @Inject
    RecordValidator validator;

    private final Map<JsonNode, Schema> compiled = Collections.synchronizedMap(new WeakHashMap<>());

    public void validateInput(ActionDef action, JsonNode input) {
        if (input == null || !input.isObject()) {
            throw new ValidationException(List.of(new Violation("/", "type", "expected a JSON object")));
        }
        if (action.input().isEmpty()) {
            return;
        }
        Schema schema = compiled.computeIfAbsent(action.input().get(), SCHEMAS::getSchema);
        List<Error> errors = schema.validate(input);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.stream().map(e -> new Violation(pointer(e), "schema", e.getMessage())).toList());
        }
    }

    private static String pointer(Error error) {
        String path = String.valueOf(error.getInstanceLocation());
        String pointer = path.replace("$", "").replace('.', '/').replaceAll("\\[(\\d+)]", "/$1");
        if (error.getProperty() != null && "required".equals(error.getKeyword())) {
            pointer = pointer + "/" + error.getProperty();
        }
        return pointer.isEmpty() ? "/" : pointer;
    }

    public Uni<Map<String, Object>> run(Caller caller, Catalog catalog, EntityDescriptor entity, UUID id, ActionDef action,
                                        JsonNode input) {
        ActionHook hook = hooks.action(action.hook()).orElseThrow(() -> HookFailure.failed(action.hook(), "it is not installed", null));
        return transactions.run(caller, c -> records.lock(c, caller, entity, id).flatMap(found -> {
            var record = found.orElseThrow(() -> new StoreExceptions.RecordNotFound(entity.qualifiedName(), id));
            HookCall call = runner.call(action.hook(), entity.def().hooks().timeoutMillis());
            ActionHookContext context = new ActionHookContext(call, entity, action.name(), record, input, caller, c, catalog,
                    records, validator, events, jobs.on(call, c, caller));
            Map<String, Object>[] result = new Map[1];
            return runner.run(call, "", () -> result[0] = hook.run(context))
                    .map(x -> result[0] == null ? Map.<String, Object>of() : result[0]);
        }));
    }
}
