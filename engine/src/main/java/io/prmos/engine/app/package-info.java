/**
 * CDI wiring at the edge of the engine: producers for the plain-Java core classes and lifecycle
 * observers. Nothing here holds logic worth testing without Quarkus.
 */
package io.prmos.engine.app;
