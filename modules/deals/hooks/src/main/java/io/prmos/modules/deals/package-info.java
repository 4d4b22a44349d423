/**
 * Hooks of the sample deals module, compiled against {@code prm-hooks-spi} only and found by the
 * engine through {@link java.util.ServiceLoader}.
 */
package io.prmos.modules.deals;
