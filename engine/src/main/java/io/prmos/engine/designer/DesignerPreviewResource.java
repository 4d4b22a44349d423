package io.prmos.engine.designer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.registry.ManifestSource;
import io.prmos.engine.registry.PublishException;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.ui.UiMetadataBuilder;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.naming.Names;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Preview: the UI metadata the web runtime would receive if the draft were published, for a caller
 * holding the chosen roles — built by the runtime's own {@link UiMetadataBuilder} from a catalog
 * compiled in memory (installed modules with the draft in place of its installed version). Nothing
 * is published or stored; the web runtime renders it with its own pages over sample records.
 */
@Path("/api/designer/preview")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class DesignerPreviewResource {

    /** Loading, checking and compiling manifests (CEL environments included) takes CPU: never on the event loop. */
    private static final java.util.concurrent.Executor WORKERS = io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool();

    @Inject
    CallerResolver callers;

    @Inject
    InstalledModules installed;

    @POST
    public Uni<JsonNode> preview(byte[] body) {
        Caller caller = DesignerRequest.operator(callers.current());
        DesignerRequest request = DesignerRequest.parse(body);
        ManifestSource source = request.source();
        List<String> roles = request.texts("roles");
        for (int i = 0; i < roles.size(); i++) {
            if (!Names.isIdentifier(roles.get(i))) {
                throw DesignerRequest.invalid("/roles/" + i, "'" + roles.get(i) + "' is not a role name");
            }
        }
        return installed.sources().emitOn(WORKERS).map(list -> {
            DraftWorkspace ws = DraftWorkspace.of(source, list);
            Catalog catalog = ws.catalog().orElseThrow(() -> PublishException.invalid(ws.problems()));
            Caller as = new Caller(caller.tenant(), "preview", "Preview as " + String.join(", ", roles), Set.copyOf(roles));
            ObjectNode out = JsonNodeFactory.instance.objectNode().put("module", ws.manifest().orElseThrow().module());
            out.set("metadata", new UiMetadataBuilder(new PermissionEvaluator()).build(catalog, as).document());
            ArrayNode all = out.putArray("roles");
            declaredRoles(catalog).forEach(all::add);
            ObjectNode declaredBy = out.putObject("roleModules");
            catalog.modules().forEach(m -> m.manifest().roles().keySet().forEach(r -> declaredBy.put(r, m.name())));
            return out;
        });
    }

    /** Every role some module of the candidate set declares, for the preview's role selector. */
    private static Set<String> declaredRoles(Catalog catalog) {
        Set<String> roles = new TreeSet<>();
        for (ModuleDescriptor module : catalog.modules()) {
            roles.addAll(module.manifest().roles().keySet());
            module.manifest().permissions().forEach(set -> roles.add(set.role()));
        }
        roles.add(Caller.ADMIN_ROLE);
        return roles;
    }
}
