package io.prmos.engine.openapi;

import static io.prmos.engine.openapi.DocParts.array;
import static io.prmos.engine.openapi.DocParts.body;
import static io.prmos.engine.openapi.DocParts.freeObject;
import static io.prmos.engine.openapi.DocParts.header;
import static io.prmos.engine.openapi.DocParts.integer;
import static io.prmos.engine.openapi.DocParts.noContent;
import static io.prmos.engine.openapi.DocParts.object;
import static io.prmos.engine.openapi.DocParts.ok;
import static io.prmos.engine.openapi.DocParts.operation;
import static io.prmos.engine.openapi.DocParts.path;
import static io.prmos.engine.openapi.DocParts.responses;
import static io.prmos.engine.openapi.DocParts.string;
import static org.eclipse.microprofile.openapi.OASFactory.createPathItem;

import io.prmos.engine.security.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** The metadata designer's endpoints (docs/designer.md): platform operators only, so nobody else sees them. */
final class DesignerPaths {

    static final String DESIGNER = "designer";

    private DesignerPaths() {
    }

    static Map<String, PathItem> of(Caller caller) {
        Map<String, PathItem> out = new LinkedHashMap<>();
        if (!caller.isPlatformOperator()) {
            return out;
        }
        Schema source = string().description("The module manifest's text (YAML or JSON)");
        Schema draft = object().addProperty("source", source).addProperty("file", string()).required(List.of("source"));
        check(out, "validate", "Validate a draft", "Schema, semantic checks against the installed modules and the publish checks; "
                + "a draft with problems answers 200 with them, located by file, line, column and JSON pointer.", draft);
        check(out, "check/expression", "Type-check a CEL expression", "A condition (guard, validation rule) or, with field, a "
                + "formula of that field, in the context of an entity of the draft.", object().addProperty("source", source)
                .addProperty("entity", string()).addProperty("expression", string()).addProperty("field", string())
                .required(List.of("source", "entity", "expression")));
        check(out, "check/rule", "Check a record rule", "A row rule (where:) checked in the filter language against an entity "
                + "of the draft.", object().addProperty("source", source).addProperty("entity", string())
                .addProperty("rule", string()).required(List.of("source", "entity", "rule")));
        check(out, "review", "Review a draft", "The publish pipeline's dry run: classification, required version, consequences "
                + "to confirm, refusals and the SQL plan.", object().addProperty("source", source).required(List.of("source")));
        check(out, "preview", "Preview a draft", "The UI metadata the web runtime would receive for a caller holding the roles "
                + "if the draft were published; nothing is stored.", object().addProperty("source", source)
                .addProperty("roles", array(string())).required(List.of("source")));
        drafts(out, draft);
        return out;
    }

    private static void check(Map<String, PathItem> out, String name, String summary, String description, Schema request) {
        out.put("/api/designer/" + name, createPathItem().POST(operation("designer_" + name.replace('/', '_'), DESIGNER, summary,
                        description).requestBody(body(request, "The draft and what to check"))
                .responses(responses("200", ok("The answer", freeObject(summary + ": the answer")), 400, 403, 422))));
    }

    private static void drafts(Map<String, PathItem> out, Schema draft) {
        Schema state = freeObject("The module's active version, the caller's draft (source, revision, baseVersion, stale) and "
                + "the other authors' drafts");
        out.put("/api/designer/drafts", createPathItem().GET(operation("designer_drafts", DESIGNER, "Every draft",
                "Every draft of every author (module, author, revision, times), without their text.")
                .responses(responses("200", ok("The drafts", freeObject("The drafts")), 403))));
        out.put("/api/designer/drafts/{module}", createPathItem().addParameter(path("module", "The module's name", string()))
                .GET(operation("designer_draft_get", DESIGNER, "A module's draft", "The caller's draft of the module, if any, "
                        + "and the other authors' drafts of it.").responses(responses("200", ok("The draft state", state), 403, 404)))
                .PUT(operation("designer_draft_save", DESIGNER, "Save a draft", "Saves the caller's draft; a stale If-Match is a 412.")
                        .addParameter(header("If-Match", "The revision the draft was loaded at"))
                        .requestBody(body(draft, "The draft")).responses(responses("200", ok("Saved", state), 400, 403, 412, 422)))
                .DELETE(operation("designer_draft_discard", DESIGNER, "Discard a draft", "Discards the caller's draft of the module.")
                        .responses(responses("204", noContent("Discarded"), 403, 404))));
        out.put("/api/designer/drafts/{module}/publish", createPathItem().addParameter(path("module", "The module's name", string()))
                .POST(operation("designer_draft_publish", DESIGNER, "Publish a draft", "Publishes the saved draft through the "
                        + "pipeline (a revision other than the reviewed one is a 409), then deletes it.")
                        .requestBody(body(object().addProperty("revision", integer("int32").description("The reviewed revision")), "What was reviewed"))
                        .responses(responses("200", ok("The publish outcome", freeObject("The publish outcome")), 400, 403, 404, 409, 422))));
    }
}
