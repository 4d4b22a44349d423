package io.prmos.engine.security;

/** The data operations permission sets grant per entity. */
public enum Operation { READ, CREATE, UPDATE, DELETE, RESTORE, BULK }
