package io.prmos.cli.deps;

import io.prmos.cli.CliFailure;
import io.prmos.cli.client.AdminClient;
import io.prmos.cli.client.InstalledModule;
import io.prmos.cli.client.PublishedManifest;
import io.prmos.metadata.contract.Checksums;
import io.prmos.metadata.contract.LockedModule;
import io.prmos.metadata.load.ManifestLoader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The modules installed on a server, as contracts cut from their published manifests. The registry's
 * list is read once; each manifest is fetched when first asked for and checked against the list's
 * checksum, so a lock pins exactly what the registry recorded.
 */
public final class ServerRegistry implements RequirementSource {

    private final AdminClient admin;
    private Map<String, InstalledModule> installed;
    private final Map<String, Optional<LockedModule>> pinned = new LinkedHashMap<>();

    public ServerRegistry(AdminClient admin) {
        this.admin = admin;
    }

    public String server() {
        return admin.server();
    }

    /** The active version of a module on the server, if installed. */
    public Optional<InstalledModule> installed(String module) {
        if (installed == null) {
            installed = new LinkedHashMap<>();
            List<InstalledModule> all = admin.installed();
            all.forEach(m -> installed.put(m.module(), m));
        }
        return Optional.ofNullable(installed.get(module));
    }

    /** The module's published manifest, pinned: version, checksum and contract. */
    public Optional<LockedModule> pin(String module) {
        return pinned.computeIfAbsent(module, name -> installed(name).map(this::fetch));
    }

    private LockedModule fetch(InstalledModule module) {
        PublishedManifest manifest = admin.manifest(module.module(), Optional.of(module.version()));
        String text = new String(manifest.bytes(), StandardCharsets.UTF_8);
        String checksum = Checksums.sha256(manifest.bytes());
        if (module.checksum() != null && !module.checksum().equals(checksum)) {
            throw CliFailure.server(admin.server() + " listed " + module.module() + " " + module.version() + " with checksum "
                    + module.checksum() + " but sent a manifest with checksum " + checksum);
        }
        try {
            return LockedModule.of(module.module(), module.version(), text, manifest.fileName());
        } catch (IllegalArgumentException e) {
            throw CliFailure.server(admin.server() + " sent an unreadable manifest of " + module.module() + ": " + e.getMessage());
        }
    }

    @Override
    public Optional<Found> find(String module) {
        return pin(module).map(m -> new Found(m.module(), m.version(),
                new ManifestLoader().loadString(m.contract(), admin.server() + "#" + m.module()), admin.server(), m.contract()));
    }
}
