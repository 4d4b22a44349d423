package io.prmos.hooks;

import java.util.Map;
import java.util.UUID;

/** One call of a custom action on one record, inside a transaction. */
public interface ActionContext {

    /** The qualified entity, e.g. {@code deals.Deal}. */
    String entity();

    /** The action's name as declared in the manifest. */
    String action();

    UUID id();

    /** The record the action is called on, as stored. */
    Map<String, Object> record();

    /** The request body, already validated against the action's input schema. */
    Map<String, Object> input();

    Principal principal();

    Records records(String entity);

    void emit(String event, Map<String, Object> payload);

    /** The job queue, in this transaction: jobs enqueued here commit or roll back with it. */
    Jobs jobs();
}
