package io.prmos.hooks;

/**
 * Salesforce-style triggers on the records of an entity. A manifest lists the hook under the phases
 * it runs in ({@code hooks: { afterUpdate: [deals.RecomputePartnerTier] }}); only the methods of the
 * listed phases are called. The order of execution of one write is:
 * <ol>
 *   <li>validation from metadata (types, required, bounds, permissions);</li>
 *   <li>{@code before*} hooks — may change values or add field errors; inside the transaction;</li>
 *   <li>formula fields, then the manifest's validation rules (CEL) on the resulting record;</li>
 *   <li>the row is written;</li>
 *   <li>{@code after*} hooks — may read and write other records and emit events; inside the transaction;</li>
 *   <li>the outbox records the change; the transaction commits;</li>
 *   <li>{@code afterCommit} hooks, outside the transaction; then event deliveries.</li>
 * </ol>
 * A hook that throws rolls the whole request back; {@link HookRejection} is the way to refuse a
 * write with a message for the user. Each call has a timeout; a hook that overruns it is
 * interrupted, its context stops working, and the write is rolled back.
 */
public interface RecordHook extends Hook {

    default void beforeCreate(BeforeContext context) {
    }

    default void beforeUpdate(BeforeContext context) {
    }

    default void beforeDelete(BeforeContext context) {
    }

    default void afterCreate(AfterContext context) {
    }

    default void afterUpdate(AfterContext context) {
    }

    default void afterDelete(AfterContext context) {
    }

    /** Called once the transaction has committed, for every operation listed under {@code afterCommit}. */
    default void afterCommit(CommitContext context) {
    }
}
