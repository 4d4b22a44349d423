package io.prmos.cli.command;

import io.prmos.cli.CliFailure;
import io.prmos.cli.ExitCodes;
import io.prmos.cli.client.InstalledModule;
import io.prmos.cli.deps.LockSource;
import io.prmos.cli.deps.ServerRegistry;
import io.prmos.cli.local.LocalModule;
import io.prmos.cli.render.Output;
import io.prmos.metadata.contract.LockFile;
import io.prmos.metadata.contract.LockedModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "check", description = {"Compare prm-lock.yaml with the server's registry: exit 1 when a locked module moved",
        "(another version or checksum), is gone, or a requirement is not locked; exit 0 when the lock is current."})
public final class DepsCheckCommand extends PrmCommand {

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = ".", description = "The module folder (default: .).")
    Path dir;

    @Override
    public Integer call() {
        LocalModule module = DepsPullCommand.single(dir);
        LockFile lock = LockSource.read(module.path().getParent())
                .orElseThrow(() -> CliFailure.user(dir + ": no " + LockFile.FILE_NAME + "; run prm deps pull --server URL"));
        ServerRegistry registry = new ServerRegistry(admin());
        List<String> drift = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, String> requirement : DepsPullCommand.requires(module).entrySet()) {
            if (!lock.modules().containsKey(requirement.getKey())) {
                drift.add(requirement.getKey() + ": required (" + requirement.getValue() + ") but not in the lock");
            }
        }
        for (LockedModule locked : lock.modules().values()) {
            Optional<InstalledModule> now = registry.installed(locked.module());
            String state = now.map(n -> n.version().equals(locked.version()) && locked.checksum().equals(n.checksum()) ? "current"
                    : n.version().equals(locked.version()) ? "republished" : "moved").orElse("gone");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("module", locked.module());
            row.put("locked", locked.version());
            row.put("server", now.map(InstalledModule::version).orElse(null));
            row.put("state", state);
            rows.add(row);
            switch (state) {
                case "moved" -> drift.add(locked.module() + ": locked " + locked.version() + ", " + registry.server() + " has "
                        + now.get().version());
                case "republished" -> drift.add(locked.module() + ": " + locked.version() + " was republished with another checksum");
                case "gone" -> drift.add(locked.module() + ": locked " + locked.version() + ", not installed on " + registry.server());
                default -> {
                }
            }
        }
        Output output = output();
        rows.forEach(r -> output.line(String.format("%-20s %-10s %-10s %s", r.get("module"), r.get("locked"),
                r.get("server") == null ? "-" : r.get("server"), r.get("state"))));
        output.document(Map.of("server", registry.server(), "current", drift.isEmpty(), "modules", rows, "drift", drift));
        if (!drift.isEmpty()) {
            List<String> lines = new ArrayList<>(drift.stream().map(d -> "prm deps check: " + d).toList());
            lines.add("prm deps check: the lock is behind " + registry.server() + "; run prm deps pull to update it");
            throw CliFailure.user(lines);
        }
        output.line("the lock is current with " + registry.server());
        return ExitCodes.OK;
    }
}
