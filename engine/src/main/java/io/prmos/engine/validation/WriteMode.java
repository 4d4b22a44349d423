package io.prmos.engine.validation;

/** How a body relates to the stored record: a new record, a full replacement, or a partial update. */
public enum WriteMode { CREATE, REPLACE, PATCH }
