/**
 * Workflow: a state field per entity that only declared transitions change. The initial state is
 * set on create by a write stage; {@link io.prmos.engine.workflow.Transitions} performs a transition
 * (state, roles, guard, field assignments, event) through the ordinary write path, so hooks, rules
 * and observers see it as an update. Depends on {@code store}, {@code rules} and {@code hooks}.
 */
package io.prmos.engine.workflow;
