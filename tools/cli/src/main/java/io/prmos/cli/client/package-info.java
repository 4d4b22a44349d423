/**
 * The typed client of the engine's module administration API and the records of its answers.
 * Problem answers become {@code CliFailure}s here, so commands only see typed results.
 */
package io.prmos.cli.client;
