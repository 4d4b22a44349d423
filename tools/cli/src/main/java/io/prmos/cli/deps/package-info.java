/**
 * Where the modules a module requires come from when they are not in the set being validated: the
 * lock file beside the module ({@code prm-lock.yaml}), sibling folders (a monorepo of modules), or the
 * server's registry, each as contracts or manifests the module-set compiler reads. Used by validate,
 * publish, {@code prm deps} and {@code prm test}; may depend on {@code local} and {@code client}.
 */
package io.prmos.cli.deps;
