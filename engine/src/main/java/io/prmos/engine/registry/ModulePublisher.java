package io.prmos.engine.registry;

import io.prmos.engine.schema.MigrationPlan;
import io.prmos.engine.schema.RegistryRows;
import io.prmos.engine.schema.RegistryRows.StoredVersion;
import io.prmos.engine.schema.SchemaIntrospector;
import io.prmos.engine.schema.UiBundleRows;
import io.prmos.engine.schema.SchemaMigrator;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.StatementCache;
import io.prmos.metadata.catalog.Catalog;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The publish pipeline: schema validation → semantic checks (with {@code requires} against what is
 * installed) → diff against the active version → migration plan → apply → activate. Everything
 * from planning to the registry update happens in one transaction under an advisory lock; the new
 * catalog is swapped in only after it commits, and other instances hear of it through NOTIFY.
 */
@ApplicationScoped
public class ModulePublisher {

    private static final Logger LOG = Logger.getLogger(ModulePublisher.class);

    @Inject
    Pool pool;

    @Inject
    CatalogHolder holder;

    @Inject
    StatementCache statements;

    @Inject
    @io.quarkus.arc.All
    List<PublishCheck> checks;

    @Inject
    CertificationGate certification;

    @ConfigProperty(name = "quarkus.datasource.app.username")
    String dataRole;

    /**
     * Fingerprints this instance has announced (NOTIFY) but not yet activated: the announcement reaches
     * {@link CatalogChangeListener} as soon as the transaction commits, before {@link #finish} activates
     * the catalog, and must not make it compile the same set again. A failed publish clears it (the worst
     * case is then one redundant reload, the behaviour without this set).
     */
    private final java.util.Set<String> announced = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Test-only seam: fail after this many migration steps, to prove a failed publish changes nothing. */
    @ConfigProperty(name = "prm.test.fail-after-steps", defaultValue = "-1")
    int failAfterSteps;

    /** Publishes on behalf of the system (start-up bootstrap, development folder watcher). */
    public Uni<PublishOutcome> publish(List<ManifestSource> sources, boolean dryRun, String actor) {
        return publish(sources, dryRun, PlatformActivity.system(actor));
    }

    /** A system publish with certificates (the start-up bootstrap reads them beside the manifests). */
    public Uni<PublishOutcome> publish(List<ManifestSource> sources, java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> certificates,
                                       boolean dryRun, String actor) {
        return publish(sources, certificates, dryRun, PlatformActivity.system(actor));
    }

    /**
     * Publishes on behalf of an operator: they are recorded as the versions' {@code installed_by} and,
     * in the same transaction, in the platform's activity entries every tenant's admins see.
     */
    public Uni<PublishOutcome> publish(List<ManifestSource> sources, boolean dryRun, Caller operator) {
        return publish(sources, java.util.Map.of(), dryRun, operator);
    }

    /**
     * A publish with certificates attached, by manifest file name ({@link CertificationGate}): they are
     * verified before planning (also in a dry run) and recorded with the versions they certify.
     */
    public Uni<PublishOutcome> publish(List<ManifestSource> sources, java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> certificates,
                                       boolean dryRun, Caller operator) {
        java.util.concurrent.atomic.AtomicReference<List<CertificationGate.Verified>> certified = new java.util.concurrent.atomic.AtomicReference<>(List.of());
        return pool.withTransaction(c -> lock(c)
                .flatMap(x -> RegistryRows.active(c))
                // Parsing, checking and compiling a module set takes seconds for large sets: not on the event loop.
                .emitOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .map(installed -> Publication.prepare(installed, sources, operator.user()))
                .invoke(publication -> verify(sources))
                .invoke(publication -> refuseBundles(sources))
                .invoke(publication -> certified.set(certification.verify(publication, certificates)))
                .call(publication -> io.prmos.engine.overlay.CustomFieldCollisions.check(c, publication.candidateCatalog(),
                        publication.changedVersions().stream().map(StoredVersion::module).toList()))
                .flatMap(publication -> plan(c, publication).flatMap(plan -> dryRun
                        ? Uni.createFrom().item(new Applied(publication, plan, false))
                        : UiBundleRows.record(c, publication.changedVersions(), bundles(sources))
                                .flatMap(x -> apply(c, publication, plan, ModuleVersion.SUPERSEDED))
                                .call(applied -> certification.record(c, certified.get(), operator.user()))
                                .call(applied -> PlatformActivity.published(c, operator, applied.publication().changedVersions(),
                                        "Published ")))))
                .map(applied -> finish(applied, dryRun))
                .onFailure().invoke(announced::clear);
    }

    /** The engine-side checks ({@link PublishCheck}) of every submitted manifest; the offline checks have passed. */
    private void verify(List<ManifestSource> sources) {
        List<io.prmos.metadata.load.ManifestProblem> problems = new java.util.ArrayList<>();
        for (ManifestSource source : sources) {
            var result = new io.prmos.metadata.load.ManifestLoader().loadString(source.source(), source.file());
            if (result instanceof io.prmos.metadata.load.LoadResult.Loaded loaded) {
                checks.forEach(check -> problems.addAll(check.check(loaded.manifest())));
            }
        }
        if (!problems.isEmpty()) {
            throw PublishException.invalid(problems);
        }
    }

    /** The UI bundles submitted with the manifests, by manifest file. */
    private static java.util.Map<String, String> bundles(List<ManifestSource> sources) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        sources.stream().filter(s -> s.uiBundle() != null).forEach(s -> out.put(s.file(), s.uiBundle()));
        return out;
    }

    private static void refuseBundles(List<ManifestSource> sources) {
        List<String> refusals = UiBundleRows.refusals(bundles(sources));
        if (!refusals.isEmpty()) {
            throw PublishException.refused(refusals);
        }
    }

    /** Returns a module to the version that was active before the current one (see {@link Rollback}), as the system. */
    public Uni<PublishOutcome> rollback(String module, boolean dryRun, String actor) {
        return rollback(module, dryRun, PlatformActivity.system(actor));
    }

    /**
     * A rollback on behalf of an operator: the older version becomes active again installed by them, and
     * the platform's activity entries record it as {@code published} ("Rolled back to …").
     */
    public Uni<PublishOutcome> rollback(String module, boolean dryRun, Caller operator) {
        return pool.withTransaction(c -> lock(c)
                .flatMap(x -> RegistryRows.active(c))
                .flatMap(installed -> RegistryRows.history(c, module)
                        .map(history -> Rollback.prepare(installed, history, module, operator.user())))
                .flatMap(rollback -> new SchemaIntrospector().snapshot(c, rollback.publication().candidateCatalog(), dataRole)
                        .map(snapshot -> rollback.plan(snapshot, dataRole))
                        .flatMap(plan -> dryRun ? Uni.createFrom().item(new Applied(rollback.publication(), plan, false))
                                : apply(c, rollback.publication(), plan, "rolled_back")
                                        .call(applied -> PlatformActivity.published(c, operator,
                                                applied.publication().changedVersions(), "Rolled back to ")))))
                .map(applied -> finish(applied, dryRun))
                .onFailure().invoke(announced::clear);
    }

    /** After the transaction: activate what committed, and describe what happened. */
    private PublishOutcome finish(Applied applied, boolean dryRun) {
        if (applied.committed()) {
            activate(applied.publication().candidateCatalog());
            announced.remove(applied.publication().candidateCatalog().fingerprint());
        }
        return applied.publication().outcome(applied.plan(), dryRun, applied.committed());
    }

    /**
     * Deletes for good the columns and tables that removals of this module archived; an applied purge
     * is recorded in the platform's activity entries as the operator's.
     */
    public Uni<List<String>> purge(String module, boolean dryRun, Caller operator) {
        if (holder.current().module(module).isEmpty()) {
            return Uni.createFrom().failure(PublishException.notFound("module '" + module + "' is not installed"));
        }
        return pool.withTransaction(c -> lock(c)
                .flatMap(x -> io.prmos.engine.schema.ArchivePurge.plan(c, module))
                .flatMap(plan -> dryRun ? Uni.createFrom().item(plan)
                        : new SchemaMigrator(dataRole).apply(c, plan)
                                .call(x -> PlatformActivity.purged(c, operator, module, plan.statements().size()))
                                .replaceWith(plan))
                .map(MigrationPlan::statements));
    }

    /** Whether {@code fingerprint} is this instance's own publish, committed and about to be activated. */
    boolean announcedHere(String fingerprint) {
        return announced.contains(fingerprint);
    }

    /** Re-reads the active versions from the registry and activates them (NOTIFY from another instance). */
    public Uni<Catalog> reload() {
        // Compiling a large set takes seconds: not on the event loop the notification arrived on.
        return pool.withConnection(RegistryRows::active)
                .emitOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    var result = Publication.compile(rows);
                    if (!result.ok()) {
                        throw new IllegalStateException("the installed modules no longer compile: " + result.problems());
                    }
                    Catalog catalog = result.catalog().orElseThrow();
                    activate(catalog);
                    return catalog;
                });
    }

    private record Applied(Publication publication, MigrationPlan plan, boolean committed) {
    }

    private Uni<Void> lock(SqlConnection c) {
        return RegistryRows.lock(c, SchemaMigrator.SCHEMA_LOCK);
    }

    private Uni<MigrationPlan> plan(SqlConnection c, Publication publication) {
        return new SchemaIntrospector().snapshot(c, publication.candidateCatalog(), dataRole)
                .map(snapshot -> publication.plan(snapshot, dataRole));
    }

    private Uni<Applied> apply(SqlConnection c, Publication publication, MigrationPlan plan, String previousStatus) {
        boolean injectFailure = failAfterSteps >= 0 && LaunchMode.current() == LaunchMode.TEST
                && plan.steps().size() > failAfterSteps && !ModuleBootstrap.SYSTEM_USER.equals(actorOf(publication));
        MigrationPlan applied = injectFailure ? new MigrationPlan(plan.steps().subList(0, failAfterSteps)) : plan;
        Uni<Void> chain = new SchemaMigrator(dataRole).apply(c, applied);
        if (injectFailure) {
            chain = chain.flatMap(x -> Uni.createFrom().failure(new IllegalStateException(
                    "injected failure after " + failAfterSteps + " migration step(s)")));
        }
        for (StoredVersion version : publication.changedVersions()) {
            chain = chain.flatMap(x -> RegistryRows.activate(c, version, previousStatus));
        }
        String fingerprint = publication.candidateCatalog().fingerprint();
        return chain.invoke(x -> announced.add(fingerprint))
                .flatMap(x -> RegistryRows.notifyChange(c, fingerprint))
                .invoke(() -> LOG.infof("Published %s (%d migration step(s))", publication.changedVersions().stream()
                        .map(v -> v.module() + "@" + v.version()).toList(), plan.steps().size()))
                .replaceWith(new Applied(publication, plan, true));
    }

    private static String actorOf(Publication publication) {
        return publication.changedVersions().stream().map(StoredVersion::installedBy).findFirst().orElse(ModuleBootstrap.SYSTEM_USER);
    }

    void activate(Catalog catalog) {
        statements.retainOnly(catalog);
        holder.activate(catalog);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
