package io.prmos.engine.registry;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * In development ({@code prm.modules.watch=true}, on in the dev and local profiles) a saved
 * manifest under {@code prm.modules-dir} is republished through the normal pipeline, and the
 * plan, or every problem and refusal, is written to the log.
 */
@ApplicationScoped
public class ModuleFolderWatcher {

    private static final Logger LOG = Logger.getLogger(ModuleFolderWatcher.class);

    @ConfigProperty(name = "prm.modules.watch", defaultValue = "false")
    boolean watch;

    @ConfigProperty(name = "prm.modules-dir", defaultValue = "modules")
    String modulesDir;

    @Inject
    ModulePublisher publisher;

    private WatchService service;

    void onStart(@Observes StartupEvent event) throws IOException {
        if (!watch) {
            return;
        }
        Path root = Path.of(modulesDir).toAbsolutePath().normalize();
        service = FileSystems.getDefault().newWatchService();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                folder.register(service, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
            }
        }
        Thread thread = new Thread(() -> loop(root), "prm-module-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Watching %s: saved manifests are republished", root);
    }

    private void loop(Path root) {
        try {
            while (true) {
                WatchKey key = service.take();
                Path folder = (Path) key.watchable();
                key.pollEvents().stream()
                        .map(e -> folder.resolve((Path) e.context()))
                        .filter(p -> p.getFileName().toString().matches("module\\.(ya?ml|json)"))
                        .distinct()
                        .forEach(file -> republish(root, file));
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void republish(Path root, Path file) {
        try {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            String name = root.relativize(file).toString().replace('\\', '/');
            PublishOutcome outcome = publisher.publish(List.of(new ManifestSource(name, source)), false, "dev-watcher")
                    .await().atMost(Duration.ofMinutes(2));
            outcome.modules().forEach(m -> LOG.infof("Republished %s %s → %s (%s)%s", m.module(), m.from(), m.to(),
                    m.classification(), m.sql().isEmpty() ? "" : ":\n  " + String.join("\n  ", m.sql())));
        } catch (PublishException e) {
            LOG.warnf("%s not republished: %s%n  %s", file, e.getMessage(), e.kind() == PublishException.Kind.INVALID
                    ? e.problems().stream().map(Object::toString).collect(Collectors.joining("\n  "))
                    : String.join("\n  ", e.refusals()));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("%s not republished: %s", file, e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) throws IOException {
        if (service != null) {
            service.close();
        }
    }
}
