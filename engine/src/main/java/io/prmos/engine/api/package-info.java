/**
 * The HTTP edge: generic record resources, problem+json mapping and HTTP conventions (ETag,
 * If-Match, Location). Depends on every core package; nothing depends on it.
 */
package io.prmos.engine.api;
