package io.prmos.engine.registry;

import io.prmos.engine.schema.DataRole;
import io.prmos.engine.schema.MigrationPlan;
import io.prmos.engine.schema.SchemaMigrator;
import io.prmos.engine.store.StatementCache;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.ModuleSetCompiler;
import io.prmos.metadata.load.ManifestProblem;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * At start: compile every module under {@code prm.modules-dir}, bring the database up to it,
 * record the installed versions and activate the catalog. Invalid manifests stop the start with
 * every problem listed by file, line and pointer.
 */
@ApplicationScoped
public class ModuleBootstrap {

    private static final Logger LOG = Logger.getLogger(ModuleBootstrap.class);

    @ConfigProperty(name = "prm.modules-dir", defaultValue = "modules")
    String modulesDir;

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.datasource.app.username")
    String dataRole;

    @ConfigProperty(name = "quarkus.datasource.app.password")
    String dataRolePassword;

    @Inject
    CatalogHolder holder;

    @Inject
    StatementCache statements;

    @Inject
    ModuleVersionRecorder recorder;

    void onStart(@Observes StartupEvent event) {
        Path root = Path.of(modulesDir).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("modules directory not found: " + root + " (set prm.modules-dir)");
        }
        ModuleSetCompiler.Result result = new ModuleSetCompiler().compileDirectory(root);
        if (!result.ok()) {
            String problems = result.problems().stream().map(ManifestProblem::toString).collect(Collectors.joining("\n  "));
            throw new IllegalStateException(result.problems().size() + " problem(s) in the manifests under " + root
                    + ":\n  " + problems);
        }
        Catalog catalog = result.catalog().get();
        long started = System.nanoTime();
        MigrationPlan plan = pool.withTransaction(c -> DataRole.ensure(c, dataRole, dataRolePassword)
                        .flatMap(x -> new SchemaMigrator(dataRole).migrate(c, catalog)))
                .await().atMost(Duration.ofMinutes(5));
        LOG.infof("Storage of %d module(s) is up to date (%d migration step(s) applied in %d ms)",
                catalog.modules().size(), plan.steps().size(), (System.nanoTime() - started) / 1_000_000);
        if (!plan.isEmpty()) {
            LOG.debugf("Applied migration plan:%n%s", plan.toSql());
        }
        recorder.record(root, result.manifests());
        statements.retainOnly(catalog);
        holder.activate(catalog);
        LOG.infof("Active modules: %s", catalog.modules().stream()
                .map(m -> m.name() + "@" + m.manifest().version()).collect(Collectors.joining(", ")));
    }
}
