package io.prmos.metadata.overlay;

/** An installed module's manifest as published: its file name (format) and text. */
public record ModuleText(String module, String file, String text) {
}
