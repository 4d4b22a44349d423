/**
 * Building modules' UI extensions (docs/ui-extensions.md, ADR 0151): {@code prm validate} and
 * {@code prm publish} run the runtime's Vite build script on each module that declares pages or
 * widgets, report its problems and the design-system rule, and hand the bundle to the publish.
 */
package io.prmos.cli.ui;
