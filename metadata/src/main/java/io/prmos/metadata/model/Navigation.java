package io.prmos.metadata.model;

/** Where a module appears in the web UI's navigation. */
public record Navigation(String section, String label, String icon, int order) {
}
