package io.prmos.metadata.model;

import java.util.List;
import java.util.Map;

/**
 * A state machine on one dictionary field of an entity. The state field is set to {@code initial}
 * on create and afterwards changes only through the declared transitions, never by a plain update.
 */
public record Workflow(String field, String initial, Map<String, Transition> transitions) {

    /** The transitions that may start from {@code state}, in declaration order. */
    public List<String> allowedFrom(String state) {
        return transitions.values().stream().filter(t -> t.from().contains(state)).map(Transition::name).toList();
    }
}
