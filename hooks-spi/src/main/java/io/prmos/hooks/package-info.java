/**
 * The extension SPI of PRM OS: what a module's Java hook code compiles against. A hook is a
 * {@link io.prmos.hooks.RecordHook} or {@link io.prmos.hooks.ActionHook} with an id, found by CDI or
 * {@link java.util.ServiceLoader}, and referenced by that id from a manifest. Hooks see records as
 * plain Java values through typed contexts; nothing here depends on the engine.
 */
package io.prmos.hooks;
