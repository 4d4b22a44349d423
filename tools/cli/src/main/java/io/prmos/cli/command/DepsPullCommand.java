package io.prmos.cli.command;

import io.prmos.cli.CliFailure;
import io.prmos.cli.ExitCodes;
import io.prmos.cli.deps.ServerRegistry;
import io.prmos.cli.local.LocalModule;
import io.prmos.cli.local.ModuleFolders;
import io.prmos.cli.render.Output;
import io.prmos.metadata.contract.LockFile;
import io.prmos.metadata.contract.LockedModule;
import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.model.SemVer;
import io.prmos.metadata.model.VersionRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "pull", description = {"Write prm-lock.yaml into the module folder: the contracts of every module it requires",
        "(directly or not), cut from the manifests the server has installed, pinned by version and checksum."})
public final class DepsPullCommand extends PrmCommand {

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = ".", description = "The module folder (default: .).")
    Path dir;

    @Override
    public Integer call() {
        LocalModule module = single(dir);
        ServerRegistry registry = new ServerRegistry(admin());
        Map<String, LockedModule> locked = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Deque<Map.Entry<String, String>> pending = new ArrayDeque<>(requires(module).entrySet());
        while (!pending.isEmpty()) {
            Map.Entry<String, String> requirement = pending.removeFirst();
            String name = requirement.getKey();
            if (locked.containsKey(name)) {
                continue;
            }
            var pinned = registry.pin(name);
            if (pinned.isEmpty()) {
                problems.add(name + ": required (" + requirement.getValue() + ") but not installed on " + registry.server());
                continue;
            }
            LockedModule m = pinned.get();
            if (!satisfies(m.version(), requirement.getValue())) {
                problems.add(name + ": required " + requirement.getValue() + " but " + registry.server() + " has " + m.version());
            }
            locked.put(name, m);
            pending.addAll(contractRequires(m).entrySet());
        }
        if (!problems.isEmpty()) {
            throw CliFailure.user(problems.stream().map(p -> "prm deps pull: " + p + "; nothing was written").toList());
        }
        Path lockFile = module.path().resolveSibling(LockFile.FILE_NAME);
        write(lockFile, new LockFile(LockFile.FORMAT, registry.server(), locked).render());
        Output output = output();
        locked.values().forEach(m -> output.line("locked " + m.module() + " " + m.version() + " sha256:" + m.checksum().substring(0, 12)));
        output.line("wrote " + lockFile + " (" + locked.size() + " module(s))");
        output.document(Map.of("lock", lockFile.toString(), "server", registry.server(), "modules", locked.values().stream()
                .map(m -> Map.of("module", m.module(), "version", m.version(), "checksum", m.checksum())).toList()));
        return ExitCodes.OK;
    }

    /** The one module folder a deps command works on. */
    static LocalModule single(Path dir) {
        List<LocalModule> modules = ModuleFolders.find(List.of(dir));
        if (modules.size() != 1 || !modules.get(0).path().getParent().toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
            throw CliFailure.user(dir + ": not a module folder (prm deps works on one folder holding module.yaml)");
        }
        return modules.get(0);
    }

    static Map<String, String> requires(LocalModule module) {
        LoadResult result = new ManifestLoader().loadFile(module.path(), module.file());
        if (!(result instanceof LoadResult.Loaded loaded)) {
            throw CliFailure.user(result.problems().stream().map(Object::toString).toList());
        }
        return loaded.manifest().manifest().requires();
    }

    private static Map<String, String> contractRequires(LockedModule m) {
        LoadResult result = new ManifestLoader().loadString(m.contract(), m.sourceName());
        return result instanceof LoadResult.Loaded loaded ? loaded.manifest().manifest().requires() : Map.of();
    }

    static boolean satisfies(String version, String range) {
        return SemVer.parse(version).flatMap(v -> VersionRange.parse(range).map(r -> r.includes(v))).orElse(false);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.user("cannot write " + file + ": " + e.getMessage());
        }
    }
}
