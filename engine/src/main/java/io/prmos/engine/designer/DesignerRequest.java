package io.prmos.engine.designer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.api.Problem;
import io.prmos.engine.registry.ManifestSource;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.naming.Names;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The designer's request bodies and access rule. Bad input is a 400 (not JSON) or a 422 naming the
 * member at fault by JSON pointer, never a 500; anyone but a platform operator gets a 403.
 */
final class DesignerRequest {

    /** Large enough for any real manifest (the samples are about 5 kB), small enough to keep a draft row sane. */
    static final int MAX_SOURCE_CHARS = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode body;

    private DesignerRequest(JsonNode body) {
        this.body = body;
    }

    /** Module changes are every tenant's business: only a platform operator may make (or prepare) them. */
    static Caller operator(Caller caller) {
        if (!caller.isPlatformOperator()) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "the metadata designer changes modules for every tenant: it needs the role "
                    + Caller.PLATFORM_OPERATOR_ROLE + "; a tenant's admin adds custom fields and dictionary values instead "
                    + "(/api/admin/custom-fields, /api/admin/dictionaries)", List.of());
        }
        return caller;
    }

    static DesignerRequest parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ApiProblem.badRequest("malformed-json", "the request needs a JSON body");
        }
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (IOException e) {
            throw ApiProblem.badRequest("malformed-json", "the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw invalid("", "expected a JSON object");
        }
        return new DesignerRequest(node);
    }

    /** A module name from the path: an identifier, or 404 (no such module can exist). */
    static String module(String name) {
        if (name == null || !Names.isIdentifier(name)) {
            throw ApiProblem.notFound("'" + name + "' is not a module name (lowercase letters, digits and _)");
        }
        return name;
    }

    /** The manifest text under {@code source} and its file name ({@code file}, default {@code draft/module.yaml}). */
    ManifestSource source() {
        String source = text("source", true);
        if (source.length() > MAX_SOURCE_CHARS) {
            throw invalid("/source", "the manifest is longer than " + MAX_SOURCE_CHARS + " characters");
        }
        String file = text("file", false);
        if (file == null) {
            file = "draft/module.yaml";
        } else if (!file.matches("[A-Za-z0-9_./-]{1,200}") || !(file.endsWith(".yaml") || file.endsWith(".yml") || file.endsWith(".json"))) {
            throw invalid("/file", "expected a file name ending in .yaml, .yml or .json");
        }
        return new ManifestSource(file, source);
    }

    /** A string member; required ones must be present and not blank. */
    String text(String name, boolean required) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw invalid("/" + name, "'" + name + "' is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw invalid("/" + name, "expected a string");
        }
        if (required && value.asText().isBlank()) {
            throw invalid("/" + name, "'" + name + "' must not be empty");
        }
        return value.asText();
    }

    /** A list of strings (e.g. roles), possibly empty. */
    List<String> texts(String name) {
        JsonNode value = body.get(name);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            throw invalid("/" + name, "expected a list of strings");
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw invalid("/" + name + "/" + i, "expected a string");
            }
            out.add(value.get(i).asText());
        }
        return out;
    }

    Integer integer(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw invalid("/" + name, "expected an integer");
        }
        return value.intValue();
    }

    static ApiProblem invalid(String pointer, String message) {
        return new ApiProblem(422, "validation", "Invalid request", message,
                List.of(new Problem.Error(pointer.isEmpty() ? "/" : pointer, null, "invalid", message)));
    }
}
