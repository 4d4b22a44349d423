package io.prmos.cli.client;

/**
 * A manifest as sent to or received from the server.
 *
 * @param file   the name problems refer to, {@code folder/module.yaml}
 * @param source the exact text of the file
 */
public record ManifestSource(String file, String source) {
}
