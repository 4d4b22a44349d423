package io.prmos.cli.local;

import io.prmos.cli.CliFailure;
import io.prmos.cli.client.ManifestSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A module folder on disk and its manifest file.
 *
 * @param file the name used in problems and sent to the server: {@code folder/module.yaml}
 */
public record LocalModule(String file, Path path) {

    public ManifestSource read() {
        try {
            return new ManifestSource(file, Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw CliFailure.user(file + ":1:1 /: cannot read file: " + e.getMessage());
        }
    }
}
