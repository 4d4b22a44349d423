/**
 * Module UI extensions at run time (docs/ui-extensions.md, ADR 0151): the bundles {@code prm} built
 * from modules' {@code ui/} folders, served by content hash with immutable cache headers; their
 * pages and widgets in the UI metadata, filtered by the caller's roles; the Content-Security-Policy
 * that lets the browser run scripts from this origin only. Storage is {@code schema.UiBundleRows}.
 */
package io.prmos.engine.ui.extension;
