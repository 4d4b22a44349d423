/**
 * The Model Context Protocol server at {@code /mcp} (docs/agents.md, docs/adr/0123): JSON-RPC over the
 * Streamable HTTP transport, offering external agents the same tool catalog the engine's own agents get,
 * executed as the authenticated caller, and records as resources addressed by URN.
 */
package io.prmos.engine.mcp;
