/**
 * The metadata designer's server side (issue 14): drafts of module manifests kept per module and
 * author, and the checks an editor needs while the author types — validate a draft, type-check a CEL
 * expression, check a record rule — plus review (the publish pipeline's dry run with the consequences
 * a breaking change needs confirmed), publish and preview. Every check calls the same
 * {@code io.prmos.metadata} code as the CLI and the publish pipeline; publishing goes through
 * {@link io.prmos.engine.registry.ModulePublisher}. Only platform operators may use it.
 */
package io.prmos.engine.designer;
