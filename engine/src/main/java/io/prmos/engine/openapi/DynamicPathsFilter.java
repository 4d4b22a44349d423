package io.prmos.engine.openapi;

import io.prmos.engine.registry.CatalogHolder;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.quarkus.arc.Arc;
import java.util.Optional;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * Adds the generated endpoints to the OpenAPI document as the caller may use them: only entities,
 * operations and fields their roles allow (nothing for an anonymous caller). It runs per request,
 * so a newly activated catalog is documented at once.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class DynamicPathsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        CatalogHolder holder = Arc.container().instance(CatalogHolder.class).get();
        Catalog catalog = holder.current();
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        if (openAPI.getPaths() == null) {
            openAPI.paths(OASFactory.createPaths());
        }
        Components components = openAPI.getComponents();
        Paths paths = openAPI.getPaths();
        components.addSecurityScheme("bearer", OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token of the configured OIDC issuer (Keycloak) or of the embedded identity provider"));
        components.addSecurityScheme("apiKey", OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.APIKEY)
                .in(org.eclipse.microprofile.openapi.models.security.SecurityScheme.In.HEADER).name("Authorization")
                .description("Authorization: ApiKey prm_… — keys are created by tenant admins at /api/admin/api-keys"));
        openAPI.security(java.util.List.of(OASFactory.createSecurityRequirement().addScheme("bearer"),
                OASFactory.createSecurityRequirement().addScheme("apiKey")));
        components.addSchema("Problem", EntitySchemas.problem());
        components.addSchema("Money", EntitySchemas.money());
        Optional<Caller> caller = CallerView.currentCaller();
        if (caller.isEmpty()) {
            openAPI.getInfo().description(openAPI.getInfo().getDescription()
                    + " Send this request with your bearer token or API key to see the endpoints your roles allow.");
            // the registry's static endpoints (resolve, search, links) need a caller like the entity endpoints
            if (paths.getPathItems() != null) {
                new java.util.ArrayList<>(paths.getPathItems().keySet()).stream().filter(p -> p.startsWith("/api/v1/"))
                        .forEach(paths::removePathItem);
            }
            return;
        }
        PermissionEvaluator evaluator = Arc.container().instance(PermissionEvaluator.class).get();
        catalog = holder.forTenant(caller.get().tenant());
        for (ModuleDescriptor module : catalog.modules()) {
            boolean tagged = false;
            for (EntityDescriptor entity : module.entities()) {
                CallerView view = CallerView.of(evaluator, catalog, caller.get(), entity);
                if (!view.shows()) {
                    continue;
                }
                if (!tagged) {
                    openAPI.addTag(OASFactory.createTag().name(module.name()).description(module.manifest().title()));
                    tagged = true;
                }
                components.addSchema(EntitySchemas.recordName(entity), EntitySchemas.record(module, entity, view));
                components.addSchema(EntitySchemas.inputName(entity), EntitySchemas.input(module, entity, view));
                components.addSchema(EntitySchemas.pageName(entity), EntitySchemas.page(entity));
                addPaths(paths, entity, view);
                CommandPaths.of(entity, EntityPaths.collection(entity), caller.get().roles()).forEach(paths::addPathItem);
            }
        }
    }


    private static void addPaths(Paths paths, EntityDescriptor entity, CallerView view) {
        String base = EntityPaths.collection(entity);
        add(paths, base, EntityPaths.collectionItem(entity, view));
        add(paths, base + "/{id}", EntityPaths.recordItem(entity, view));
        if (view.operations().contains(Operation.BULK)) {
            add(paths, base + "/bulk", EntityPaths.bulkItem(entity));
        }
        if (view.operations().contains(Operation.RESTORE)) {
            add(paths, base + "/{id}/restore", EntityPaths.restoreItem(entity));
        }
    }

    private static void add(Paths paths, String path, org.eclipse.microprofile.openapi.models.PathItem item) {
        if (item.getOperations() != null && !item.getOperations().isEmpty()) {
            paths.addPathItem(path, item);
        }
    }
}
