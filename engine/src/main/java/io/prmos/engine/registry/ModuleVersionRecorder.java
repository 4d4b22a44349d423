package io.prmos.engine.registry;

import io.prmos.metadata.load.LoadedManifest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;

/** Records which version of each module is installed, keeping earlier versions as superseded history. */
@ApplicationScoped
public class ModuleVersionRecorder {

    private static final Logger LOG = Logger.getLogger(ModuleVersionRecorder.class);
    static final String SYSTEM_USER = "system";

    public void record(Path modulesRoot, List<LoadedManifest> manifests) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> recordAll(modulesRoot, manifests)));
        } catch (Throwable e) {
            throw new IllegalStateException("could not record installed module versions", e);
        }
    }

    private Uni<Void> recordAll(Path modulesRoot, List<LoadedManifest> manifests) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (LoadedManifest loaded : manifests) {
            chain = chain.flatMap(x -> recordOne(modulesRoot, loaded));
        }
        return chain;
    }

    private Uni<Void> recordOne(Path modulesRoot, LoadedManifest loaded) {
        String module = loaded.manifest().module();
        String version = loaded.manifest().version().toString();
        String source = read(modulesRoot.resolve(loaded.file()));
        String checksum = sha256(source);
        return ModuleVersion.<ModuleVersion>find("module = ?1 and version = ?2", module, version).firstResult()
                .flatMap(existing -> {
                    if (existing != null) {
                        if (!existing.checksum.equals(checksum)) {
                            LOG.warnf("%s %s changed without a new version number; bump the version when you change a manifest",
                                    module, version);
                            existing.checksum = checksum;
                            existing.manifest = source;
                        }
                        existing.status = ModuleVersion.ACTIVE;
                        return supersedeOthers(module, existing.id).replaceWithVoid();
                    }
                    ModuleVersion installed = new ModuleVersion();
                    installed.module = module;
                    installed.version = version;
                    installed.checksum = checksum;
                    installed.manifest = source;
                    installed.status = ModuleVersion.ACTIVE;
                    installed.installedAt = OffsetDateTime.now();
                    installed.installedBy = SYSTEM_USER;
                    return supersedeOthers(module, -1L).flatMap(x -> installed.persist()).replaceWithVoid();
                });
    }

    private Uni<Integer> supersedeOthers(String module, Long keepId) {
        return ModuleVersion.update("status = ?1 where module = ?2 and status = ?3 and id <> ?4",
                ModuleVersion.SUPERSEDED, module, ModuleVersion.ACTIVE, keepId).flatMap(n -> Panache.flush().replaceWith(n));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
