package io.prmos.engine.designer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.registry.ManifestSource;
import io.prmos.engine.registry.ModulePublisher;
import io.prmos.engine.registry.PublishOutcome;
import io.prmos.engine.schema.RegistryRows.StoredVersion;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.ManifestLoader;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Designer drafts: one per module and author, kept on the server so they survive reloads. Only
 * platform operators read or write them. Every answer names the other authors' drafts of the same
 * module (the designer warns about them) and whether the module was published since the draft began.
 * A save may carry {@code If-Match: "<revision>"}; a stale revision is a 412, so a second tab of the
 * same author cannot overwrite the first silently. Publishing sends the saved text through the
 * publish pipeline unchanged and then discards the draft.
 */
@Path("/api/designer/drafts")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DesignerDraftResource {

    @Inject
    CallerResolver callers;

    @Inject
    InstalledModules installed;

    @Inject
    ModulePublisher publisher;

    /** Every draft of every author, without their text: who is changing what. */
    @GET
    @WithSession
    public Uni<JsonNode> list() {
        DesignerRequest.operator(callers.current());
        return DraftEntity.<DraftEntity>list("order by module, updatedAt desc").map(drafts -> {
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            drafts.forEach(d -> items.add(summary(d)));
            return JsonNodeFactory.instance.objectNode().set("items", items);
        });
    }

    @GET
    @Path("{module}")
    @WithSession
    public Uni<Response> get(@PathParam("module") String module) {
        Caller caller = DesignerRequest.operator(callers.current());
        String name = DesignerRequest.module(module);
        return DraftEntity.<DraftEntity>list("module", name).flatMap(drafts -> state(name, caller, drafts));
    }

    @PUT
    @Path("{module}")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<Response> save(@PathParam("module") String module, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        Caller caller = DesignerRequest.operator(callers.current());
        String name = DesignerRequest.module(module);
        ManifestSource source = DesignerRequest.parse(body).source();
        return activeVersion(name).flatMap(active -> DraftEntity.<DraftEntity>findById(new DraftEntity.Key(name, caller.user()))
                .flatMap(found -> {
                    if (found != null && ifMatch != null && !ifMatch.equals(etag(found))) {
                        throw new ApiProblem(412, "draft-changed", "Draft changed", "your draft of " + name + " was saved elsewhere (revision "
                                + found.revision + "); reload it before saving", List.of());
                    }
                    DraftEntity draft = found != null ? found : fresh(name, caller, active.orElse(null));
                    draft.source = source.source();
                    draft.file = name + "/" + DesignerCheckResource.fileName(source.file());
                    draft.authorName = caller.userName();
                    draft.revision = found == null ? 1 : found.revision + 1;
                    draft.updatedAt = OffsetDateTime.now();
                    return draft.<DraftEntity>persist();
                }))
                .flatMap(saved -> DraftEntity.<DraftEntity>list("module", name))
                .flatMap(drafts -> state(name, caller, drafts));
    }

    @DELETE
    @Path("{module}")
    @WithTransaction
    public Uni<Response> discard(@PathParam("module") String module) {
        Caller caller = DesignerRequest.operator(callers.current());
        String name = DesignerRequest.module(module);
        return DraftEntity.delete("module = ?1 and author = ?2", name, caller.user()).map(count -> {
            if (count == 0) {
                throw ApiProblem.notFound("you have no draft of module '" + name + "'");
            }
            return Response.noContent().build();
        });
    }

    /**
     * Publishes the caller's saved draft through the pipeline (same transaction, registry and hot reload
     * as {@code POST /api/admin/modules}); {@code {"revision": n}} makes sure it is the reviewed text.
     */
    @POST
    @Path("{module}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<PublishOutcome> publish(@PathParam("module") String module, byte[] body) {
        Caller caller = DesignerRequest.operator(callers.current());
        String name = DesignerRequest.module(module);
        Integer revision = body == null || body.length == 0 ? null : DesignerRequest.parse(body).integer("revision");
        return DraftEntity.<DraftEntity>findById(new DraftEntity.Key(name, caller.user())).flatMap(draft -> {
            if (draft == null) {
                throw ApiProblem.notFound("you have no draft of module '" + name + "'");
            }
            if (revision != null && revision != draft.revision) {
                throw new ApiProblem(409, "draft-changed", "Draft changed", "the draft is at revision " + draft.revision
                        + ", not the reviewed " + revision + "; review it again", List.of());
            }
            checkModule(draft, name);
            return publisher.publish(List.of(new ManifestSource(draft.file, draft.source)), false, caller)
                    .call(outcome -> draft.delete());
        });
    }

    /** A draft kept under one module name may not publish another module. */
    private static void checkModule(DraftEntity draft, String name) {
        if (new ManifestLoader().loadString(draft.source, draft.file) instanceof LoadResult.Loaded loaded
                && !loaded.manifest().manifest().module().equals(name)) {
            throw DesignerRequest.invalid("/module", "the draft declares module '" + loaded.manifest().manifest().module()
                    + "', not '" + name + "'; save it under that name");
        }
    }

    private Uni<Optional<String>> activeVersion(String module) {
        return installed.active().map(rows -> rows.stream().filter(v -> v.module().equals(module)).map(StoredVersion::version).findFirst());
    }

    private Uni<Response> state(String module, Caller caller, List<DraftEntity> drafts) {
        return activeVersion(module).map(active -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode().put("module", module);
            out.put("activeVersion", active.orElse(null));
            DraftEntity own = drafts.stream().filter(d -> d.author.equals(caller.user())).findFirst().orElse(null);
            if (own == null) {
                out.putNull("draft");
            } else {
                ObjectNode draft = summary(own).put("file", own.file).put("source", own.source)
                        .put("stale", own.baseVersion != null ? !active.map(own.baseVersion::equals).orElse(false) : active.isPresent());
                out.set("draft", draft);
            }
            ArrayNode others = out.putArray("others");
            drafts.stream().filter(d -> !d.author.equals(caller.user())).forEach(d -> others.add(summary(d)));
            Response.ResponseBuilder response = Response.ok(out, MediaType.APPLICATION_JSON_TYPE);
            return own == null ? response.build() : response.header(HttpHeaders.ETAG, etag(own)).build();
        });
    }

    private static DraftEntity fresh(String module, Caller caller, String baseVersion) {
        DraftEntity draft = new DraftEntity();
        draft.module = module;
        draft.author = caller.user();
        draft.baseVersion = baseVersion;
        draft.createdAt = OffsetDateTime.now();
        return draft;
    }

    private static String etag(DraftEntity draft) {
        return "\"" + draft.revision + "\"";
    }

    private static ObjectNode summary(DraftEntity d) {
        return JsonNodeFactory.instance.objectNode().put("module", d.module).put("author", d.author).put("authorName", d.authorName)
                .put("baseVersion", d.baseVersion).put("revision", d.revision)
                .put("createdAt", d.createdAt.toString()).put("updatedAt", d.updatedAt.toString());
    }
}
