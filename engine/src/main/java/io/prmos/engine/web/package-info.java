/**
 * Serving the web runtime (ui-runtime, built and served by Quinoa) next to the API: browser deep
 * links answer the single-page app. Depends on nothing else in the engine.
 */
package io.prmos.engine.web;
