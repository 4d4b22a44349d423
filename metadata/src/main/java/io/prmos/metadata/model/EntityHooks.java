package io.prmos.metadata.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Java hooks an entity's writes run, by phase ({@code beforeCreate}, ..., {@code afterCommit}),
 * each a list of hook ids in the order they run, and an optional per-call timeout in milliseconds.
 */
public record EntityHooks(Map<String, List<String>> phases, Optional<Integer> timeoutMillis) {

    public static final List<String> PHASES = List.of("beforeCreate", "beforeUpdate", "beforeDelete",
            "afterCreate", "afterUpdate", "afterDelete", "afterCommit");

    public static final EntityHooks NONE = new EntityHooks(Map.of(), Optional.empty());

    public List<String> of(String phase) {
        return phases.getOrDefault(phase, List.of());
    }

    public boolean isEmpty() {
        return phases.values().stream().allMatch(List::isEmpty);
    }
}
