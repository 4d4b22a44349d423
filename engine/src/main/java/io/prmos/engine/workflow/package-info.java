/**
 * Workflow: a state field per entity that only declared transitions change. The initial state is
 * set on create by a write stage; {@link io.prmos.engine.workflow.Transitions} performs a transition
 * (state, roles, guard, field assignments, event) through the ordinary write path, so hooks, rules
 * and observers see it as an update. {@link io.prmos.engine.workflow.Automations} runs the manifests'
 * automations from the event log after commit. Depends on {@code store}, {@code rules}, {@code hooks}
 * and {@code events}.
 */
package io.prmos.engine.workflow;
