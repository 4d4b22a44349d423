package io.prmos.engine.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.api.Problem;
import java.util.List;

/** Text members of small kernel request bodies (tasks, notifications), checked with a pointer per error. */
public final class Texts {

    private Texts() {
    }

    public static String required(JsonNode body, String name, int max, List<Problem.Error> errors) {
        String value = optional(body, name, max, errors);
        if (value == null && errors.stream().noneMatch(e -> ("/" + name).equals(e.pointer()))) {
            errors.add(new Problem.Error("/" + name, null, "required", name + " is required"));
        }
        return value;
    }

    public static String optional(JsonNode body, String name, int max, List<Problem.Error> errors) {
        JsonNode value = body == null ? null : body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new Problem.Error("/" + name, null, "type", name + " must be a string"));
            return null;
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > max || text.indexOf('\u0000') >= 0) {
            errors.add(new Problem.Error("/" + name, null, "maxLength", name + " has more than " + max + " characters or a NUL"));
            return null;
        }
        return text;
    }

    public static void refuse(List<Problem.Error> errors) {
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation", "Invalid request", errors.size() + " field(s) are invalid", errors);
        }
    }
}
