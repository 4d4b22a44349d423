package io.prmos.metadata.model;

import io.prmos.metadata.filter.Filter;
import java.util.Set;

/**
 * Which records of an entity an operation may touch: none, all of the tenant's, the caller's own
 * (created_by), or those matching a rule written in the API's filter language with principal
 * variables ({@code $user.id}, {@code $user.name}, {@code $user.tenant}, {@code $user.roles}).
 */
public sealed interface RecordScope {

    record None() implements RecordScope {
    }

    record All() implements RecordScope {
    }

    record Own() implements RecordScope {
    }

    /** {@code text} is the rule as written (for messages); {@code filter} its parsed tree. */
    record Rule(String text, Filter filter) implements RecordScope {

        /** The principal variables a rule may use, as {@link io.prmos.metadata.filter.Literal.Variable} paths. */
        public static final Set<String> VARIABLES = Set.of("user.id", "user.name", "user.tenant", "user.roles");

        /** The one list-valued variable; it may only stand alone in an {@code in}/{@code nin} list. */
        public static final String ROLES_VARIABLE = "user.roles";
    }

    RecordScope NONE = new None();
    RecordScope ALL = new All();
    RecordScope OWN = new Own();
}
