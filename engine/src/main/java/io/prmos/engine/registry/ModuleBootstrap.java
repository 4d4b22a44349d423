package io.prmos.engine.registry;

import io.prmos.engine.schema.DataRole;
import io.prmos.engine.schema.RegistryRows;
import io.prmos.engine.schema.RegistryRows.StoredVersion;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.model.SemVer;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * At start: publish, through the same pipeline as the admin API, every module under
 * {@code prm.modules-dir} that is new or newer than the installed version, then activate the
 * installed set. A module published through the API with a higher version than the folder's keeps
 * its version. Invalid manifests or refused changes stop the start with every problem listed.
 */
@ApplicationScoped
public class ModuleBootstrap {

    private static final Logger LOG = Logger.getLogger(ModuleBootstrap.class);
    static final String SYSTEM_USER = "system";
    /** The certificate {@code prm certify} writes into a module folder. */
    static final String CERTIFICATE_FILE = "prm-certificate.json";
    /** The UI extension bundle {@code prm validate} builds from the module's {@code ui/} folder (ADR 0151). */
    static final String UI_BUNDLE_FILE = "ui/dist/extension.js";

    @ConfigProperty(name = "prm.modules-dir", defaultValue = "modules")
    String modulesDir;

    @ConfigProperty(name = "quarkus.datasource.app.username")
    String dataRole;

    @ConfigProperty(name = "quarkus.datasource.app.password")
    String dataRolePassword;

    @Inject
    Pool pool;

    @Inject
    ModulePublisher publisher;

    @Inject
    CatalogHolder holder;

    void onStart(@Observes StartupEvent event) {
        Path root = Path.of(modulesDir).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("modules directory not found: " + root + " (set prm.modules-dir)");
        }
        Duration wait = Duration.ofMinutes(5);
        pool.withTransaction(c -> DataRole.ensure(c, dataRole, dataRolePassword)
                .flatMap(x -> io.prmos.engine.schema.KernelGrants.ensure(c, dataRole))).await().atMost(wait);
        pool.withConnection(io.prmos.engine.schema.SearchUnderRowSecurity::ensure).await().atMost(wait);
        Map<String, StoredVersion> installed = pool.withConnection(RegistryRows::active).await().atMost(wait)
                .stream().collect(Collectors.toMap(StoredVersion::module, v -> v));
        List<ManifestSource> sources = newer(folderSources(root), installed);
        long started = System.nanoTime();
        try {
            PublishOutcome outcome = publisher.publish(sources, certificates(root, sources), false, SYSTEM_USER).await().atMost(wait);
            outcome.modules().stream().filter(m -> !m.sql().isEmpty() || !"none".equals(m.classification()))
                    .forEach(m -> LOG.infof("Installed %s %s (%s, %d statement(s))", m.module(), m.to(), m.classification(), m.sql().size()));
        } catch (PublishException e) {
            String details = e.kind() == PublishException.Kind.INVALID
                    ? e.problems().stream().map(Object::toString).collect(Collectors.joining("\n  "))
                    : String.join("\n  ", e.refusals());
            throw new IllegalStateException(e.getMessage() + " under " + root + ":\n  " + details);
        }
        // The publish above activated the installed set it verified against the database (even when it
        // installed nothing); reading and compiling the registry once more would only repeat that work.
        Catalog catalog = holder.current();
        LOG.infof("Active modules (%d ms): %s", (System.nanoTime() - started) / 1_000_000, catalog.modules().stream()
                .map(m -> m.name() + "@" + m.manifest().version()).collect(Collectors.joining(", ")));
    }

    /** Folder manifests that are not installed yet, or carry a higher version than the installed one. */
    private static List<ManifestSource> newer(List<ManifestSource> sources, Map<String, StoredVersion> installed) {
        List<ManifestSource> out = new ArrayList<>();
        for (ManifestSource source : sources) {
            String module = source.file().substring(0, source.file().indexOf('/'));
            StoredVersion current = installed.get(module);
            if (current != null && ModulePublisher.sha256(source.source()).equals(current.checksum())) {
                continue; // byte for byte what is installed: nothing to parse (the publish below still verifies it)
            }
            Optional<SemVer> folderVersion = versionOf(source);
            if (current == null || folderVersion.isEmpty()
                    || folderVersion.get().compareTo(SemVer.parse(current.version()).orElseThrow()) > 0) {
                out.add(source);
            } else if (folderVersion.get().compareTo(SemVer.parse(current.version()).orElseThrow()) == 0) {
                LOG.warnf("%s changed but still says version %s: bump the version to publish it", source.file(), current.version());
            }
        }
        return out;
    }

    /** The certificates written by {@code prm certify} beside the manifests ({@code folder/prm-certificate.json}), by file. */
    private static Map<String, com.fasterxml.jackson.databind.JsonNode> certificates(Path root, List<ManifestSource> sources) {
        Map<String, com.fasterxml.jackson.databind.JsonNode> out = new java.util.HashMap<>();
        for (ManifestSource source : sources) {
            Path file = root.resolve(source.file()).resolveSibling(CERTIFICATE_FILE);
            if (Files.isRegularFile(file)) {
                try {
                    out.put(source.file(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + file + ": " + e.getMessage());
                }
            }
        }
        return out;
    }

    private static Optional<SemVer> versionOf(ManifestSource source) {
        var result = new ManifestLoader().loadString(source.source(), source.file());
        return result instanceof io.prmos.metadata.load.LoadResult.Loaded loaded
                ? Optional.of(loaded.manifest().manifest().version()) : Optional.empty();
    }

    private static List<ManifestSource> folderSources(Path root) {
        List<ManifestSource> sources = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                for (String name : ManifestLoader.MANIFEST_FILE_NAMES) {
                    Path file = folder.resolve(name);
                    if (Files.isRegularFile(file)) {
                        Path bundle = folder.resolve(UI_BUNDLE_FILE);
                        sources.add(new ManifestSource(folder.getFileName() + "/" + name, Files.readString(file, StandardCharsets.UTF_8),
                                Files.isRegularFile(bundle) ? Files.readString(bundle, StandardCharsets.UTF_8) : null));
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the modules under " + root, e);
        }
        return sources;
    }
}
