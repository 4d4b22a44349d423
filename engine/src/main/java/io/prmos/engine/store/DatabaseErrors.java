package io.prmos.engine.store;

import io.prmos.engine.validation.ValidationException;
import io.prmos.engine.validation.Violation;
import io.vertx.pgclient.PgException;
import java.util.List;

/**
 * Explains constraint failures the database reports in the caller's terms (fields and pointers)
 * without repeating the database's message, which may quote another record's values.
 */
final class DatabaseErrors {

    private DatabaseErrors() {
    }

    static Throwable translate(EntityStatements s, Throwable failure, String pointerPrefix) {
        if (!(failure instanceof PgException pg)) {
            return failure;
        }
        List<String> fields = pg.getConstraint() == null ? List.of() : s.constraintFields.getOrDefault(pg.getConstraint(), List.of());
        String state = pg.getSqlState() == null ? "" : pg.getSqlState();
        switch (state) {
            case "23505":
                return new StoreExceptions.UniqueConflict(violations(fields, pointerPrefix, "unique",
                        "another " + s.entity.label() + " already has this value"));
            case "23503":
                return new ValidationException(violations(fields, pointerPrefix, "reference",
                        "no such record to reference, or it is still referenced"));
            case "23502":
            case "23514":
            case "22001":
            case "22003":
            case "22007":
            case "22008":
            case "22P02":
            case "22P05":
            case "22021":
                return new ValidationException(List.of(new Violation(pointerPrefix.isEmpty() ? "/" : pointerPrefix,
                        "constraint", "a value is out of range or not valid for its column")));
            default:
                return failure;
        }
    }

    private static List<Violation> violations(List<String> fields, String prefix, String code, String message) {
        if (fields.isEmpty()) {
            return List.of(new Violation(prefix.isEmpty() ? "/" : prefix, code, message));
        }
        return fields.stream().map(f -> new Violation(prefix + "/" + f, code, message)).toList();
    }
}
