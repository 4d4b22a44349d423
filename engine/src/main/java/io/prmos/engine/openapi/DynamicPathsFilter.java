package io.prmos.engine.openapi;

import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * Builds the OpenAPI document as the caller may use it: the endpoints of every entity, operation and
 * field their roles allow, the kernel's endpoints (events, audit, registry, UI) and, for admins and
 * platform operators, the admin endpoints. An anonymous caller sees how to sign in and nothing else.
 * It runs per request, so a newly activated catalog is documented at once. The kernel's resources are
 * documented here, not by annotation scanning (application.properties excludes them), because their
 * bodies are JSON trees whose shape only the code that builds them knows.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class DynamicPathsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        if (openAPI.getPaths() == null) {
            openAPI.paths(OASFactory.createPaths());
        }
        boolean devIdentity = config("prm.dev-identity.enabled").map(Boolean::parseBoolean).orElse(false);
        Security.declare(openAPI, devIdentity, config("prm.oidc.issuer"));
        openAPI.servers(java.util.List.of(OASFactory.createServer().url(config("prm.api.public-url").orElse("/"))
                .description("This engine")));
        openAPI.getInfo().contact(OASFactory.createContact().name("PRM OS").url("https://github.com/prm-os/prm-os"));
        Paths paths = openAPI.getPaths();
        Components components = openAPI.getComponents();
        add(paths, UiPaths.anonymous(devIdentity));
        Optional<Caller> caller = CallerView.currentCaller();
        tag(openAPI, UiPaths.UI, "What the web runtime renders from");
        if (devIdentity) {
            tag(openAPI, UiPaths.IDENTITY, "The embedded identity provider (local use)");
        }
        if (caller.isEmpty()) {
            openAPI.getInfo().description(openAPI.getInfo().getDescription() + " Sign in (Authorize) and reload to see the "
                    + "endpoints your roles allow.");
        } else {
            document(openAPI, paths, components, caller.get());
        }
        ReferencedSchemas.complete(openAPI, name -> PlatformSchemas.named(name).or(() -> AgentPaths.schema(name)));
    }

    private static void document(OpenAPI openAPI, Paths paths, Components components, Caller caller) {
        CatalogHolder holder = Arc.container().instance(CatalogHolder.class).get();
        PermissionEvaluator evaluator = Arc.container().instance(PermissionEvaluator.class).get();
        Catalog catalog = holder.forTenant(caller.tenant());
        add(paths, UiPaths.signedIn());
        for (ModuleDescriptor module : catalog.modules()) {
            boolean tagged = false;
            for (EntityDescriptor entity : module.entities()) {
                CallerView view = CallerView.of(evaluator, catalog, caller, entity);
                if (!view.shows()) {
                    continue;
                }
                if (!tagged) {
                    tag(openAPI, module.name(), module.manifest().title());
                    tagged = true;
                }
                components.addSchema(EntitySchemas.recordName(entity), EntitySchemas.record(module, entity, view));
                if (view.operations().contains(Operation.READ)) {
                    components.addSchema(EntitySchemas.pageName(entity), EntitySchemas.page(entity));
                }
                if (view.operations().contains(Operation.CREATE) || view.operations().contains(Operation.UPDATE)) {
                    components.addSchema(EntitySchemas.inputName(entity), EntitySchemas.input(module, entity, view));
                    if (view.operations().contains(Operation.UPDATE) || view.operations().contains(Operation.BULK)) {
                        // referenced by PATCH and by bulk operations only: a component nothing uses is a lint warning
                        components.addSchema(EntitySchemas.patchName(entity), EntitySchemas.patch(module, entity, view));
                    }
                }
                addEntity(paths, entity, view);
                add(paths, RecordPaths.of(entity, view, caller));
                add(paths, CommandPaths.of(entity, EntityPaths.collection(entity), caller.roles()));
            }
        }
        add(paths, PlatformPaths.of(catalog, caller));
        tag(openAPI, PlatformPaths.EVENTS, "The event log: replay, live stream, custom events");
        tag(openAPI, PlatformPaths.AUDIT, "Activity feed and recycle bin");
        tag(openAPI, PlatformPaths.REGISTRY, "Search, URN resolution and typed links");
        add(paths, WorkPaths.of(caller));
        tag(openAPI, WorkPaths.NOTIFICATIONS, "The caller's notifications");
        tag(openAPI, WorkPaths.TASKS, "Tasks assigned to people (and by agents)");
        if (caller.isAdmin() || caller.roles().contains(io.prmos.engine.jobs.JobRoles.WORKER)) {
            tag(openAPI, WorkPaths.JOBS, "The job queue: enqueue, lease, complete (docs/jobs.md)");
        }
        Map<String, PathItem> designer = DesignerPaths.of(caller);
        if (!designer.isEmpty()) {
            tag(openAPI, DesignerPaths.DESIGNER, "The metadata designer (platform operators)");
            add(paths, designer);
        }
        add(paths, AgentPaths.of());
        tag(openAPI, AgentPaths.AGENTS, "Agents: runs, approvals and their live stream");
        Map<String, PathItem> admin = AdminPaths.of(caller);
        if (!admin.isEmpty()) {
            tag(openAPI, AdminPaths.ADMIN, "Modules, webhooks, API keys, custom fields and dictionaries");
            add(paths, admin);
        }
    }

    private static void addEntity(Paths paths, EntityDescriptor entity, CallerView view) {
        String base = EntityPaths.collection(entity);
        add(paths, base, EntityPaths.collectionItem(entity, view));
        add(paths, base + "/{id}", EntityPaths.recordItem(entity, view));
        if (view.operations().contains(Operation.BULK) && (view.operations().contains(Operation.CREATE)
                || view.operations().contains(Operation.UPDATE))) {
            add(paths, base + "/bulk", EntityPaths.bulkItem(entity));
        }
        if (view.operations().contains(Operation.RESTORE) && entity.features().softDelete()) {
            add(paths, base + "/{id}/restore", EntityPaths.restoreItem(entity));
        }
    }

    private static void add(Paths paths, Map<String, PathItem> items) {
        items.forEach((path, item) -> add(paths, path, item));
    }

    private static void add(Paths paths, String path, PathItem item) {
        if (item.getOperations() != null && !item.getOperations().isEmpty()) {
            paths.addPathItem(path, item);
        }
    }

    private static void tag(OpenAPI openAPI, String name, String description) {
        if (openAPI.getTags() == null || openAPI.getTags().stream().noneMatch(t -> t.getName().equals(name))) {
            openAPI.addTag(OASFactory.createTag().name(name).description(description));
        }
    }

    private static Optional<String> config(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).filter(s -> !s.isBlank());
    }
}
