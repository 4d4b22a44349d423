package io.prmos.hooks;

import java.util.Map;

/**
 * A write that has happened, still inside its transaction: records written through
 * {@link #records} and events emitted here commit together with it, or not at all.
 */
public interface AfterContext extends RecordView {

    /** The record as stored after this write. */
    Map<String, Object> after();

    /** Declared fields whose value changed, with old and new values. */
    Map<String, Change> changes();

    /** Records of any installed entity, e.g. {@code records("partners.Partner")}, read and written as the system. */
    Records records(String entity);

    /** Emits a custom event declared under {@code events.publishes}, e.g. {@code partners.PartnerTierChanged}. */
    void emit(String event, Map<String, Object> payload);

    /** The job queue, in this transaction: jobs enqueued here commit or roll back with it. */
    Jobs jobs();
}
