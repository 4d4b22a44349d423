package io.prmos.metadata.filter;

import java.math.BigDecimal;

/** A value written in a filter; its meaning for a given field is decided when the filter is bound to an entity. */
public sealed interface Literal {

    record Text(String value) implements Literal {
    }

    record Number(BigDecimal value) implements Literal {
    }

    record Bool(boolean value) implements Literal {
    }

    record Null() implements Literal {
    }

    /** A principal variable such as {@code $user.id} or {@code $user.roles} (used by permission rules). */
    record Variable(String path) implements Literal {
    }
}
