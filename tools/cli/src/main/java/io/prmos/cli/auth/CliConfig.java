package io.prmos.cli.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.prmos.cli.CliFailure;
import io.prmos.cli.http.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code config.json} in the config directory: the server commands talk to when {@code --server}
 * is not given. {@code prm login} records the server it signed in to.
 */
public final class CliConfig {

    public static final String FILE_NAME = "config.json";
    public static final String DEFAULT_SERVER = "http://localhost:8080";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Content(String server) {
    }

    private final Path directory;

    public CliConfig(Path directory) {
        this.directory = directory;
    }

    /** {@code --server}, else {@code $PRM_SERVER}, else the configured server, else the default. */
    public String resolveServer(String explicit, Optional<String> fromEnvironment) {
        String server = Optional.ofNullable(explicit).filter(s -> !s.isBlank())
                .or(() -> fromEnvironment)
                .or(this::configuredServer)
                .orElse(DEFAULT_SERVER);
        Http.uri(server);
        return normalize(server);
    }

    public void rememberServer(String server) {
        try {
            CredentialStore.ensurePrivateDirectory(directory);
            Http.PRETTY.writeValue(directory.resolve(FILE_NAME).toFile(), new Content(normalize(server)));
        } catch (IOException e) {
            throw CliFailure.user("cannot write " + directory.resolve(FILE_NAME) + ": " + e.getMessage());
        }
    }

    private Optional<String> configuredServer() {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Http.JSON.readValue(file.toFile(), Content.class).server());
        } catch (IOException e) {
            throw CliFailure.user("cannot read " + file + ": " + e.getMessage());
        }
    }

    static String normalize(String server) {
        String s = server.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
