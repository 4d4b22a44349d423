/**
 * {@code prm certify}: the governance checklist run on a module folder (the static checks of
 * {@code io.prmos.metadata.certify}, plus what needs a running kernel: scenarios, emitted events,
 * API conformance, performance budgets), its report as text, JSON and HTML, and the certificate
 * written beside the manifest for publish to attach. May depend on {@code scenario} and {@code kernel}.
 */
package io.prmos.cli.certify;
