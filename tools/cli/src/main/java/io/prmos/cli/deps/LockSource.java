package io.prmos.cli.deps;

import io.prmos.cli.CliFailure;
import io.prmos.metadata.contract.LockFile;
import io.prmos.metadata.contract.LockedModule;
import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.load.ManifestProblem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The contracts pinned in the lock files of the given module folders ({@code prm deps pull} writes them). */
public final class LockSource implements RequirementSource {

    private final Map<String, LockedModule> locked = new LinkedHashMap<>();

    public LockSource(List<Path> moduleFolders) {
        for (Path folder : moduleFolders) {
            read(folder).ifPresent(lock -> lock.modules().values().forEach(m -> locked.putIfAbsent(m.module(), m)));
        }
    }

    /** The lock in a folder, if any; an unreadable lock stops the command with its reason. */
    public static Optional<LockFile> read(Path folder) {
        try {
            return LockFile.in(folder);
        } catch (LockFile.InvalidLock e) {
            throw CliFailure.user(folder.resolve(LockFile.FILE_NAME) + ": " + e.getMessage());
        }
    }

    public boolean isEmpty() {
        return locked.isEmpty();
    }

    @Override
    public Optional<Found> find(String module) {
        LockedModule m = locked.get(module);
        if (m == null) {
            return Optional.empty();
        }
        LoadResult result = m.intact() ? new ManifestLoader().loadString(m.contract(), m.sourceName())
                : new LoadResult.Failed(m.sourceName(), List.of(new ManifestProblem(m.sourceName(), 1, 1, "",
                        "the contract of '" + module + "' does not match its contractChecksum (was the lock edited?); run prm deps pull")));
        return Optional.of(new Found(module, m.version(), result, LockFile.FILE_NAME, m.contract()));
    }
}
