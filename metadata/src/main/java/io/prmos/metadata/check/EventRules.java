package io.prmos.metadata.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.EventsDef;
import io.prmos.metadata.model.PlatformRoles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code events}: a published event's payload schema is a valid JSON Schema and the roles that may
 * emit it exist; a subscribed event exists (a custom event some module of the set publishes, or a
 * generated {@code {module}.{Entity}Created|Updated|Deleted|Restored}); webhook names are unique and
 * their patterns name a module of the set.
 */
final class EventRules {

    private static final List<String> OPERATIONS = List.of("Created", "Updated", "Deleted", "Restored");
    static final com.networknt.schema.Schema META_SCHEMA = SchemaRegistry
            .withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    private EventRules() {
    }

    static void check(ModuleContext context) {
        EventsDef events = context.manifest().events();
        events.publishes().values().forEach(event -> checkPublished(context, event));
        for (int i = 0; i < events.subscribes().size(); i++) {
            checkSubscribed(context, events.subscribes().get(i), Pointer.of("events", "subscribes", String.valueOf(i)));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < events.webhooks().size(); i++) {
            EventsDef.Webhook hook = events.webhooks().get(i);
            String pointer = Pointer.of("events", "webhooks", String.valueOf(i));
            if (!names.add(hook.name())) {
                context.atValue(Pointer.append(pointer, "name"), "webhook name '" + hook.name() + "' is used twice");
            }
            String module = hook.events().substring(0, hook.events().indexOf('.'));
            if (!context.moduleSet().containsKey(module)) {
                context.atValue(Pointer.append(pointer, "events"), "webhook pattern '" + hook.events()
                        + "' names module '" + module + "', which is not installed");
            }
        }
    }

    private static void checkPublished(ModuleContext context, EventsDef.Published event) {
        String pointer = Pointer.of("events", "publishes", event.name());
        String name = event.name();
        if (context.manifest().entities().keySet().stream().anyMatch(e -> OPERATIONS.stream().anyMatch(op -> name.equals(e + op)))) {
            context.atKey(pointer, "custom event '" + name + "' has the name of a generated record event");
        }
        List<Error> errors = META_SCHEMA.validate(event.schema());
        if (!errors.isEmpty()) {
            context.atValue(Pointer.append(pointer, "schema"), "payload schema of '" + name + "' is not a valid JSON Schema: "
                    + errors.get(0).getMessage());
        } else if (!"object".equals(event.schema().path("type").asText())) {
            context.atValue(Pointer.append(pointer, "schema"), "payload schema of '" + name + "' must have type: object");
        }
        for (int i = 0; i < event.emit().size(); i++) {
            String role = event.emit().get(i);
            boolean requiredModuleMissing = context.manifest().requires().keySet().stream()
                    .anyMatch(required -> !context.moduleSet().containsKey(required)); // reported on requires; it may declare the role
            if (!PlatformRoles.isPlatformRole(role) && !requiredModuleMissing && context.moduleSet().values().stream()
                    .noneMatch(m -> m.manifest().roles().containsKey(role))) {
                context.atValue(Pointer.append(Pointer.append(pointer, "emit"), i), "role '" + role + "' is not declared by any module");
            }
        }
    }

    static void checkSubscribed(ModuleContext context, String qualified, String pointer) {
        int dot = qualified.indexOf('.');
        String module = qualified.substring(0, dot);
        String event = qualified.substring(dot + 1);
        LoadedManifest publisher = context.moduleSet().get(module);
        if (publisher == null) {
            context.atValue(pointer, "subscribed event '" + qualified + "': module '" + module + "' is not installed");
            return;
        }
        boolean custom = publisher.manifest().events().publishes().containsKey(event);
        boolean generated = publisher.manifest().entities().keySet().stream()
                .anyMatch(entity -> OPERATIONS.stream().anyMatch(op -> event.equals(entity + op)));
        if (!custom && !generated) {
            context.atValue(pointer, "subscribed event '" + qualified + "' does not exist: module '" + module
                    + "' publishes no such event and has no entity it is generated for");
        }
    }
}
