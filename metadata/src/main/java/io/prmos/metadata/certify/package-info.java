/**
 * Certification: the checklist the platform's governance asks of every module, its results, and the
 * certificate that binds them to the exact manifest text. The checks that need only the manifest
 * (manifest validity, labels, event schemas, the permissions lint, UI) live here so that the CLI's
 * {@code prm certify} and the engine's publish pipeline compute them alike: the engine re-runs them
 * and refuses a certificate that claims more than they find. Checks that need a running kernel
 * (scenarios, API conformance, performance) are the CLI's. Depends on {@code load}, {@code model},
 * {@code filter} and {@code contract}.
 */
package io.prmos.metadata.certify;
