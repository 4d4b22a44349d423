/**
 * The kernel job queue: work that workers in any language lease over HTTP long-poll, heartbeat,
 * complete or fail, with retries, backoff, a dead letter and idempotency keys (docs/jobs.md, ADR 0141).
 * Jobs are enqueued over the API or from Java (hooks, automations, agents) through {@link
 * io.prmos.engine.jobs.JobQueue}: {@code workflow} (the automation job step), {@code hooks} (the SPI's
 * {@code jobs()}) and {@code agents} (the {@code jobs.enqueue} tool) call it. Depends on {@code store}
 * (tenant transactions) and {@code security}.
 */
package io.prmos.engine.jobs;
