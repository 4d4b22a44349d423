package io.prmos.engine.openapi;

import io.prmos.engine.registry.CatalogHolder;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * Adds the generated endpoints of every active entity to the OpenAPI document. It runs per
 * request, so a newly activated catalog is documented at once.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class DynamicPathsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Catalog catalog = Arc.container().instance(CatalogHolder.class).get().current();
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
        for (ModuleDescriptor module : catalog.modules()) {
            openAPI.addTag(OASFactory.createTag().name(module.name()).description(module.manifest().title()));
            for (EntityDescriptor entity : module.entities()) {
                components.addSchema(EntitySchemas.recordName(entity), EntitySchemas.record(module, entity));
                components.addSchema(EntitySchemas.inputName(entity), EntitySchemas.input(module, entity));
                components.addSchema(EntitySchemas.pageName(entity), EntitySchemas.page(entity));
                String base = EntityPaths.collection(entity);
                paths.addPathItem(base, EntityPaths.collectionItem(entity));
                paths.addPathItem(base + "/bulk", EntityPaths.bulkItem(entity));
                paths.addPathItem(base + "/{id}", EntityPaths.recordItem(entity));
                paths.addPathItem(base + "/{id}/restore", EntityPaths.restoreItem(entity));
            }
        }
    }

}
