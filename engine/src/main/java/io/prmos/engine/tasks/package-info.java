/**
 * Tasks: a kernel feature — a piece of work assigned to a user of the tenant, optionally about a record
 * (URN), listed in the UI and created by people and agents ({@code kernel.create_task}). Depends on the
 * store (rows), security and notifications; the agents package uses it.
 */
package io.prmos.engine.tasks;
