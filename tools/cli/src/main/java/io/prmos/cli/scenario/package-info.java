/**
 * {@code prm test} scenarios: files under a module's {@code tests/} folder read into typed steps
 * (fixtures, injected events, API calls, transitions and actions as a user, expectations on responses,
 * records and events), run against a {@link io.prmos.cli.kernel.Kernel}, and reported as text, JSON
 * and JUnit XML. Depends on {@code kernel} and {@code http}; the format is documented in docs/module-teams.md.
 */
package io.prmos.cli.scenario;
