package io.prmos.engine.store;

import io.prmos.engine.validation.Violation;
import java.util.List;

/** What can go wrong when reading or writing a record, in terms the API maps to HTTP. */
public final class StoreExceptions {

    private StoreExceptions() {
    }

    /** No live record with this id in the caller's tenant (404) — never says whether another tenant has one. */
    public static final class RecordNotFound extends RuntimeException {
        public RecordNotFound(String entity, Object id) {
            super("no " + entity + " with id " + id, null, false, false);
        }
    }

    /** The record is visible to the caller but their permissions do not allow this operation on it (403). */
    public static final class NotPermitted extends RuntimeException {
        public NotPermitted(String message) {
            super(message, null, false, false);
        }
    }

    /** If-Match named a version that is no longer current (412). */
    public static final class StaleVersion extends RuntimeException {
        private final long current;

        public StaleVersion(long expected, long current) {
            super("the record is at version " + current + ", not " + expected + "; reload it and apply your change again",
                    null, false, false);
            this.current = current;
        }

        public long current() {
            return current;
        }
    }

    /** A unique field or index already holds the value in this tenant (409). */
    public static final class UniqueConflict extends RuntimeException {
        private final List<Violation> violations;

        public UniqueConflict(List<Violation> violations) {
            super("a record with the same value already exists", null, false, false);
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** A record cannot be removed for good while other records reference it (409); lists who does. */
    public static final class StillReferenced extends RuntimeException {
        private final List<String> referencedBy;

        public StillReferenced(String entity, Object id, List<String> referencedBy) {
            super(entity + " " + id + " is still referenced" + (referencedBy.isEmpty() ? "" : " by " + String.join(", ", referencedBy))
                    + "; remove or change those references first", null, false, false);
            this.referencedBy = List.copyOf(referencedBy);
        }

        public List<String> referencedBy() {
            return referencedBy;
        }

        /** A foreign-key violation (23503, or 23001 for RESTRICT) of a delete becomes this exception; others pass unchanged. */
        static Throwable when(Throwable failure, String entity, Object id) {
            if (failure instanceof io.vertx.pgclient.PgException pg
                    && ("23503".equals(pg.getSqlState()) || "23001".equals(pg.getSqlState()))) {
                return new StillReferenced(entity, id, List.of());
            }
            return failure;
        }
    }
}
