package io.prmos.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.registry.ManifestSource;
import io.prmos.engine.registry.ModulePublisher;
import io.prmos.engine.registry.ModuleVersion;
import io.prmos.engine.registry.PublishOutcome;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Module administration. Publishing (dry runs included), rollback and purge change the modules of
 * every tenant: only a platform operator may do them (403 for a tenant admin). Tenant admins and
 * operators may read what is installed: the list, a module's history, published source and
 * dependents. The pipeline itself is {@link ModulePublisher}.
 */
@Path("/api/admin/modules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN_ROLE, Caller.PLATFORM_OPERATOR_ROLE})
public class ModuleAdminResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ModulePublisher publisher;

    @Inject
    CallerResolver callers;

    @Inject
    io.prmos.engine.registry.CatalogHolder catalogs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<JsonNode> publish(@QueryParam("dryRun") boolean dryRun, byte[] body) {
        Caller caller = operator("publishing");
        JsonNode request = RecordResponses.parseBody(body);
        return publisher.publish(sources(request), certificates(request), dryRun, caller).map(ModuleAdminResource::json);
    }

    @POST
    @Path("{name}/rollback")
    public Uni<JsonNode> rollback(@PathParam("name") String name, @QueryParam("dryRun") boolean dryRun) {
        Caller caller = operator("rolling back");
        return publisher.rollback(name, dryRun, caller).map(ModuleAdminResource::json);
    }

    /** Deletes the archived data of removed fields and entities; a dry run lists what would go. */
    @POST
    @Path("{name}/purge")
    public Uni<JsonNode> purge(@PathParam("name") String name, @QueryParam("dryRun") boolean dryRun) {
        return publisher.purge(name, dryRun, operator("purging")).map(sql -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode().put("dryRun", dryRun).put("applied", !dryRun);
            sql.forEach(out.putArray("sql")::add);
            return out;
        });
    }

    @GET
    @WithSession
    public Uni<JsonNode> installed() {
        return ModuleVersion.<ModuleVersion>list("status = ?1 order by module", ModuleVersion.ACTIVE).flatMap(ModuleAdminResource::certified);
    }

    /** Impact analysis: which other modules reference this module's entities or name them in link types. */
    @GET
    @Path("{name}/dependents")
    public JsonNode dependents(@PathParam("name") String name) {
        io.prmos.metadata.catalog.Catalog catalog = catalogs.current();
        if (catalog.module(name).isEmpty()) {
            throw ApiProblem.notFound("module '" + name + "' is not installed");
        }
        return DependentsView.of(name, io.prmos.metadata.catalog.Dependents.of(catalog, name));
    }

    @GET
    @Path("{name}/history")
    @WithSession
    public Uni<JsonNode> history(@PathParam("name") String name) {
        return ModuleVersion.<ModuleVersion>list("module = ?1 order by installedAt desc, id desc", name).flatMap(versions -> {
            if (versions.isEmpty()) {
                throw ApiProblem.notFound("module '" + name + "' was never published");
            }
            return certified(versions);
        });
    }

    @GET
    @Path("{name}/manifest")
    @Produces({"application/yaml", MediaType.APPLICATION_JSON})
    @WithSession
    public Uni<Response> manifest(@PathParam("name") String name, @QueryParam("version") String version) {
        Uni<ModuleVersion> found = version == null || version.isBlank()
                ? ModuleVersion.find("module = ?1 and status = ?2", name, ModuleVersion.ACTIVE).firstResult()
                : ModuleVersion.find("module = ?1 and version = ?2", name, version).firstResult();
        return found.map(v -> {
            if (v == null) {
                throw ApiProblem.notFound("no published manifest of module '" + name + "'" + (version == null ? "" : " at version " + version));
            }
            String type = v.file.endsWith(".json") ? MediaType.APPLICATION_JSON : "application/yaml";
            return Response.ok(v.manifest, type + "; charset=utf-8").header("X-Prm-Module-Version", v.version).build();
        });
    }

    /** The caller, if a platform operator: a module operation changes every tenant, which no tenant's admin may do. */
    private Caller operator(String operation) {
        Caller caller = callers.current();
        if (!caller.isPlatformOperator()) {
            throw new ApiProblem(403, "forbidden", "Forbidden", operation + " modules changes them for every tenant: it needs the role "
                    + Caller.PLATFORM_OPERATOR_ROLE + " (a tenant's admin may only read what is installed)", List.of());
        }
        return caller;
    }

    private static List<ManifestSource> sources(JsonNode body) {
        JsonNode modules = body.path("modules");
        List<Problem.Error> errors = new ArrayList<>();
        List<ManifestSource> out = new ArrayList<>();
        if (!modules.isArray() || modules.isEmpty()) {
            throw new ApiProblem(422, "validation", "Invalid request", "expected {\"modules\": [{\"file\": …, \"source\": …}]}",
                    List.of(new Problem.Error("/modules", null, "invalid", "at least one module is required")));
        }
        for (int i = 0; i < modules.size(); i++) {
            JsonNode item = modules.get(i);
            if (!item.path("file").isTextual() || !item.path("source").isTextual()) {
                errors.add(new Problem.Error("/modules/" + i, null, "invalid", "expected a file name and the manifest text as source"));
            } else {
                // The UI extension bundle prm built from the module's ui/ folder, when it has one (ADR 0151).
                String bundle = item.path("uiBundle").isTextual() ? item.get("uiBundle").asText() : null;
                out.add(new ManifestSource(item.get("file").asText(), item.get("source").asText(), bundle));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation", "Invalid request", errors.size() + " module entries are invalid", errors);
        }
        return out;
    }

    /** The certificates of the publish request's modules, by file name; a module without one is absent. */
    private static java.util.Map<String, JsonNode> certificates(JsonNode body) {
        java.util.Map<String, JsonNode> out = new java.util.HashMap<>();
        for (JsonNode item : body.path("modules")) {
            if (item.path("certificate").isObject() && item.path("file").isTextual()) {
                out.put(item.get("file").asText(), item.get("certificate"));
            }
        }
        return out;
    }

    /** The versions as items, each with the certification recorded for it (null when it has none). */
    private static Uni<JsonNode> certified(List<ModuleVersion> versions) {
        List<String> modules = versions.stream().map(v -> v.module).distinct().toList();
        return io.prmos.engine.registry.ModuleCertification.<io.prmos.engine.registry.ModuleCertification>list("module in ?1", modules)
                .map(certifications -> {
                    ObjectNode page = (ObjectNode) items(versions);
                    for (JsonNode item : page.get("items")) {
                        ObjectNode row = (ObjectNode) item;
                        row.set("certification", certifications.stream()
                                .filter(c -> c.module.equals(row.get("module").asText()) && c.version.equals(row.get("version").asText())
                                        && c.manifestChecksum.equals(row.get("checksum").asText()))
                                .findFirst().map(ModuleAdminResource::certification).orElse(JsonNodeFactory.instance.nullNode()));
                    }
                    return page;
                });
    }

    private static JsonNode certification(io.prmos.engine.registry.ModuleCertification c) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("passed", c.passed).put("signed", c.signed)
                .put("manifestChecksum", c.manifestChecksum).put("toolVersion", c.toolVersion).put("certifiedAt", c.certifiedAt)
                .put("digest", c.digest).put("recordedAt", c.recordedAt.toString()).put("recordedBy", c.recordedBy);
        ObjectNode checks = JsonNodeFactory.instance.objectNode();
        try {
            JSON.readTree(c.checks).forEach(check -> checks.put(check.path("id").asText(), check.path("status").asText()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable certification checks of " + c.module + " " + c.version, e);
        }
        // a warning passes (the certificate was accepted with it); a skipped check (prm certify --static) does not count
        int passedChecks = 0;
        for (JsonNode status : checks) {
            passedChecks += status.asText().equals("PASS") || status.asText().equals("WARN") ? 1 : 0;
        }
        out.put("checksPassed", passedChecks).put("checksTotal", checks.size());
        out.set("checks", checks);
        return out;
    }

    private static JsonNode json(PublishOutcome outcome) {
        return JSON.valueToTree(outcome);
    }

    private static JsonNode items(List<ModuleVersion> versions) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (ModuleVersion v : versions) {
            items.addObject().put("module", v.module).put("version", v.version).put("status", v.status)
                    .put("installedAt", v.installedAt.toString()).put("installedBy", v.installedBy).put("checksum", v.checksum)
                    .put("file", v.file);
        }
        return JsonNodeFactory.instance.objectNode().set("items", items);
    }
}
