/**
 * What the generic web runtime renders from: the UI metadata of the caller's catalog (navigation,
 * list/detail/form definitions, slots), already filtered by the caller's permissions; saved views;
 * CSV export and import; quick find; the sign-in configuration. The builders are plain Java
 * (catalog + permission evaluator in, JSON out); the resources are the HTTP edge. Depends on
 * {@code security}, {@code query}, {@code store}, {@code validation} and {@code api}'s problems.
 * The endpoints are the web runtime's private contract (docs/ui.md), hidden from the OpenAPI document.
 */
package io.prmos.engine.ui;
