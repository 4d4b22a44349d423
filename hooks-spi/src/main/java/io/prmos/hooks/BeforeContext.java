package io.prmos.hooks;

import java.util.Map;
import java.util.Set;

/**
 * A write about to happen. {@link #values()} is the record as it will be written (the stored record
 * merged with the request's changes); {@link #set} changes it. Errors added here are reported
 * together with the field they concern (422) and nothing is written.
 */
public interface BeforeContext extends RecordView {

    /** The record as it will be written, by field name (unmodifiable). */
    Map<String, Object> values();

    Object get(String field);

    /** Sets a field of the record to be written; the value is validated like request input. */
    void set(String field, Object value);

    /** Fields this write changes (for a create: the fields given a value). */
    Set<String> changedFields();

    void addError(String field, String message);
}
