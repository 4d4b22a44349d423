package io.prmos.cli.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import io.prmos.cli.CliFailure;
import io.prmos.cli.http.Http;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code credentials.json} in the config directory: credentials per server URL. The directory is
 * created 0700 and the file is written 0600 (through a temporary file created with that mode, so the
 * secrets are never readable by others, not even for a moment).
 */
public final class CredentialStore {

    public static final String FILE_NAME = "credentials.json";
    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private record Content(Map<String, Credentials> servers) {
        Content {
            servers = servers == null ? new TreeMap<>() : new TreeMap<>(servers);
        }
    }

    private final Path directory;

    public CredentialStore(Path directory) {
        this.directory = directory;
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    public Optional<Credentials> find(String server) {
        return Optional.ofNullable(read().servers().get(server));
    }

    public void save(String server, Credentials credentials) {
        Content content = read();
        content.servers().put(server, credentials);
        write(content);
    }

    private Content read() {
        if (!Files.isRegularFile(file())) {
            return new Content(null);
        }
        try {
            return Http.JSON.readValue(file().toFile(), new TypeReference<Content>() { });
        } catch (IOException e) {
            throw CliFailure.user("cannot read " + file() + ": " + e.getMessage() + " (delete it and run prm login)");
        }
    }

    private void write(Content content) {
        try {
            ensurePrivateDirectory(directory);
            Path temp = posix()
                    ? Files.createTempFile(directory, FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(FILE_MODE))
                    : Files.createTempFile(directory, FILE_NAME, ".tmp");
            Http.PRETTY.writeValue(temp.toFile(), content);
            try {
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING);
            }
            if (posix()) {
                Files.setPosixFilePermissions(file(), FILE_MODE);
            }
        } catch (IOException e) {
            throw CliFailure.user("cannot write " + file() + ": " + e.getMessage());
        }
    }

    /** Creates the directory (and missing parents) and makes the config directory itself 0700. */
    static void ensurePrivateDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (posix()) {
            Files.setPosixFilePermissions(directory, DIRECTORY_MODE);
        }
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
