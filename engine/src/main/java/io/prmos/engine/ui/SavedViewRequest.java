package io.prmos.engine.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.api.Problem;
import io.prmos.engine.query.ListQueryParser;
import io.prmos.engine.query.QueryException;
import io.prmos.metadata.catalog.EntityDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A saved view as a client sends it, checked against the entity as the caller sees it: the filter
 * and sort must be ones the list API accepts, the columns fields the caller may read.
 */
record SavedViewRequest(String name, Optional<String> filter, List<String> sort, List<String> columns, boolean isDefault) {

    static final int MAX_NAME = 200;
    static final int MAX_ITEMS = 100;

    static SavedViewRequest parse(JsonNode body, EntityDescriptor entity, Set<String> visible) {
        if (body == null || !body.isObject()) {
            throw invalid(List.of(error("/", "expected a JSON object")));
        }
        List<Problem.Error> errors = new ArrayList<>();
        String name = body.path("name").asText("").trim();
        if (!body.path("name").isTextual() || name.isEmpty() || name.length() > MAX_NAME) {
            errors.add(error("/name", "a name of 1 to " + MAX_NAME + " characters is required"));
        }
        JsonNode filterNode = body.path("filter");
        Optional<String> filter = filterNode.isTextual() && !filterNode.asText().isBlank()
                ? Optional.of(filterNode.asText()) : Optional.empty();
        if (!filterNode.isMissingNode() && !filterNode.isNull() && !filterNode.isTextual()) {
            errors.add(error("/filter", "filter must be a string in the API's filter language"));
        }
        List<String> sort = strings(body, "sort", errors);
        List<String> columns = strings(body, "columns", errors);
        EntityPresentation view = new EntityPresentation(entity, visible);
        for (int i = 0; i < columns.size(); i++) {
            if (!view.shows(columns.get(i))) {
                errors.add(error("/columns/" + i, "unknown field '" + columns.get(i) + "' of " + entity.qualifiedName()));
            }
        }
        checkQuery(entity, visible, filter, sort, errors);
        JsonNode isDefault = body.path("isDefault");
        if (!isDefault.isMissingNode() && !isDefault.isNull() && !isDefault.isBoolean()) {
            errors.add(error("/isDefault", "isDefault must be true or false"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new SavedViewRequest(name, filter, sort, columns, isDefault.asBoolean(false));
    }

    private static void checkQuery(EntityDescriptor entity, Set<String> visible, Optional<String> filter, List<String> sort,
                                   List<Problem.Error> errors) {
        try {
            ListQueryParser.parse(entity, visible, filter.orElse(null), null, null, null, null, null);
        } catch (QueryException e) {
            errors.add(error("/filter", e.getMessage()));
        }
        try {
            ListQueryParser.parse(entity, visible, null, sort.isEmpty() ? null : String.join(",", sort), null, null, null, null);
        } catch (QueryException e) {
            errors.add(error("/sort", e.getMessage()));
        }
    }

    private static List<String> strings(JsonNode body, String key, List<Problem.Error> errors) {
        JsonNode node = body.path(key);
        List<String> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray() || node.size() > MAX_ITEMS) {
            errors.add(error("/" + key, key + " must be a list of at most " + MAX_ITEMS + " field names"));
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual() || node.get(i).asText().length() > MAX_NAME) {
                errors.add(error("/" + key + "/" + i, "expected a field name"));
            } else {
                out.add(node.get(i).asText());
            }
        }
        return out;
    }

    static Problem.Error error(String pointer, String message) {
        return new Problem.Error(pointer, null, "invalid", message);
    }

    static ApiProblem invalid(List<Problem.Error> errors) {
        return new ApiProblem(422, "validation", "Invalid view", errors.size() + " value(s) are invalid", errors);
    }
}
