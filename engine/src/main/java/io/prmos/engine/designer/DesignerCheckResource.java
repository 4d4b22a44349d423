package io.prmos.engine.designer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.registry.ManifestSource;
import io.prmos.engine.registry.ModulePublisher;
import io.prmos.engine.registry.PublishCheck;
import io.prmos.engine.registry.PublishException;
import io.prmos.engine.registry.PublishOutcome;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.metadata.check.ExpressionCheck;
import io.prmos.metadata.diff.ChangeSet;
import io.prmos.metadata.diff.ManifestDiff;
import io.prmos.metadata.load.ManifestProblem;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.Manifest;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * What the designer asks while the author types, answered by the same code as {@code prm validate}
 * and the publish pipeline: validate a draft in the installed module set, type-check a CEL
 * expression or check a record rule in the context of an entity, and review (the pipeline's dry run).
 * A draft with problems is not a bad request: validation answers 200 with the problems located by
 * file, line, column and JSON pointer.
 */
@Path("/api/designer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class DesignerCheckResource {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** Loading, checking and compiling manifests (CEL environments included) takes CPU: never on the event loop. */
    private static final java.util.concurrent.Executor WORKERS = io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool();

    @Inject
    CallerResolver callers;

    @Inject
    InstalledModules installed;

    @Inject
    ModulePublisher publisher;

    @Inject
    CatalogHolder catalogs;

    @Inject
    @io.quarkus.arc.All
    List<PublishCheck> checks;

    @POST
    @Path("validate")
    public Uni<JsonNode> validate(byte[] body) {
        DesignerRequest.operator(callers.current());
        ManifestSource source = DesignerRequest.parse(body).source();
        return workspace(source).map(ws -> {
            List<ManifestProblem> problems = new ArrayList<>(ws.problems());
            if (problems.isEmpty()) {
                ws.loaded().ifPresent(m -> checks.forEach(check -> problems.addAll(check.check(m))));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("valid", problems.isEmpty());
            ws.manifest().ifPresent(m -> out.put("module", m.module()).put("version", m.version().toString()));
            out.set("problems", JSON.valueToTree(problems));
            return out;
        });
    }

    @POST
    @Path("check/expression")
    public Uni<JsonNode> expression(byte[] body) {
        DesignerRequest.operator(callers.current());
        DesignerRequest request = DesignerRequest.parse(body);
        ManifestSource source = request.source();
        String entityName = request.text("entity", true);
        String expression = request.text("expression", false);
        String fieldName = request.text("field", false);
        return workspace(source).map(ws -> {
            EntityDef entity = entity(ws, entityName);
            if (fieldName == null) {
                return result(ExpressionCheck.condition(entity, expression));
            }
            FieldDef field = entity.fields().get(fieldName);
            if (field == null) {
                throw DesignerRequest.invalid("/field", "'" + fieldName + "' is not a field of entity '" + entityName + "'");
            }
            return result(ExpressionCheck.formula(entity, field, expression));
        });
    }

    @POST
    @Path("check/rule")
    public Uni<JsonNode> rule(byte[] body) {
        DesignerRequest.operator(callers.current());
        DesignerRequest request = DesignerRequest.parse(body);
        ManifestSource source = request.source();
        String entityName = request.text("entity", true);
        String rule = request.text("rule", false);
        return workspace(source).map(ws -> result(ExpressionCheck.rowRule(entity(ws, entityName), rule)));
    }

    /**
     * The publish pipeline's dry run on the draft, plus what the author must confirm: every breaking
     * change in words (with the directive acknowledging it) and the version the changes need.
     */
    @POST
    @Path("review")
    public Uni<ReviewView> review(byte[] body) {
        Caller caller = DesignerRequest.operator(callers.current());
        ManifestSource draft = DesignerRequest.parse(body).source();
        return workspace(draft).flatMap(ws -> {
            if (!ws.problems().isEmpty() || ws.manifest().isEmpty()) {
                return Uni.createFrom().item(invalid(ws));
            }
            Manifest candidate = ws.manifest().get();
            Manifest current = ws.installedManifest().orElse(null);
            ChangeSet set = ManifestDiff.compare(current, candidate);
            int dependents = current == null ? 0
                    : io.prmos.metadata.catalog.Dependents.of(catalogs.current(), candidate.module()).size();
            List<Consequence> consequences = current == null ? List.of()
                    : ReviewReport.consequences(current.version(), candidate.version(), set, dependents);
            String required = current == null ? candidate.version().toString()
                    : ReviewReport.requiredVersion(current.version(), candidate.version(), set).toString();
            ReviewView base = new ReviewView(candidate.module(), current == null ? null : current.version().toString(),
                    candidate.version().toString(), ReviewReport.classification(set), required, set.changes(), consequences,
                    set.refusals(), List.of(), List.of(), List.of(), false);
            if (!set.allowed()) {
                return Uni.createFrom().item(base);
            }
            ManifestSource named = new ManifestSource(candidate.module() + "/" + fileName(draft.file()), draft.source());
            return publisher.publish(List.of(named), true, caller)
                    .map(outcome -> dryRun(base, outcome))
                    .onFailure(PublishException.class).recoverWithItem(e -> refused(base, (PublishException) e));
        });
    }

    private static ReviewView dryRun(ReviewView base, PublishOutcome outcome) {
        PublishOutcome.ModuleOutcome module = outcome.modules().get(0);
        return new ReviewView(base.module(), base.from(), base.to(), module.classification(), base.requiredVersion(),
                module.changes(), base.consequences(), List.of(), module.sql(), module.warnings(), List.of(), true);
    }

    private static ReviewView refused(ReviewView base, PublishException e) {
        return new ReviewView(base.module(), base.from(), base.to(), base.classification(), base.requiredVersion(), base.changes(),
                base.consequences(), e.refusals(), List.of(), List.of(), e.problems(), false);
    }

    private static ReviewView invalid(DraftWorkspace ws) {
        String module = ws.manifest().map(Manifest::module).orElse(null);
        String version = ws.manifest().map(m -> m.version().toString()).orElse(null);
        return new ReviewView(module, null, version, "none", version, List.of(), List.of(), List.of(), List.of(), List.of(),
                ws.problems(), false);
    }

    static String fileName(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }

    private Uni<DraftWorkspace> workspace(ManifestSource source) {
        return installed.sources().emitOn(WORKERS).map(list -> DraftWorkspace.of(source, list));
    }

    /** The entity an expression is checked against; the draft must load (syntax and schema) for it to exist. */
    private static EntityDef entity(DraftWorkspace ws, String name) {
        if (ws.manifest().isEmpty()) {
            ManifestProblem first = ws.problems().get(0);
            throw DesignerRequest.invalid("/source", "the draft does not load, so its entities are unknown: line " + first.line()
                    + ": " + first.message());
        }
        return ws.entity(name).orElseThrow(() -> DesignerRequest.invalid("/entity", "'" + name
                + "' is not an entity of the draft or of an installed module"));
    }

    private static JsonNode result(ExpressionCheck.Result result) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("ok", result.ok());
        out.set("problems", JSON.valueToTree(result.problems()));
        return out;
    }
}
