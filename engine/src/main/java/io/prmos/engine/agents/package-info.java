/**
 * Agents (docs/agents.md): the tool catalog generated from metadata and its execution under a principal,
 * model profiles (LangChain4j), runs — persisted, streamed, paused for approval, limited, cancelled —
 * and what starts them (API, events, schedules). Tool calls go through the same permission evaluation,
 * validation, rules, hooks, audit and events as the REST API, never around them. Depends on security,
 * store, workflow, hooks, tasks and notifications; the mcp package exposes its tool catalog.
 */
package io.prmos.engine.agents;
