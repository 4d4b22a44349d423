package io.prmos.metadata.diff;

import io.prmos.metadata.model.DictionaryDef;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.Manifest;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the installed version of a module with a candidate and decides whether the candidate may
 * be published. Changes are listed module first, then dictionaries, entities (each with its fields
 * and indexes), roles and permissions; refusals list the version rules first, then one sentence per
 * breaking change the candidate does not acknowledge.
 */
public final class ManifestDiff {

    private ManifestDiff() {
    }

    /**
     * @param installed the installed manifest, or {@code null} when the module is installed for the first time
     * @param candidate the manifest to publish; it should have passed the semantic checks
     */
    public static ChangeSet compare(Manifest installed, Manifest candidate) {
        if (installed == null) {
            return firstInstall(candidate);
        }
        if (!installed.module().equals(candidate.module())) {
            throw new IllegalArgumentException("cannot compare module '" + installed.module() + "' with module '" + candidate.module() + "'");
        }
        Findings findings = new Findings();
        PresentationDiff.compareModule(installed, candidate, findings);
        new DictionaryDiff(findings, new Directives(candidate.migrations())).compare(installed, candidate);
        new EntityDiff(installed, candidate, findings).compare();
        PresentationDiff.compareRoles(installed, candidate, findings);
        PresentationDiff.comparePermissions(installed, candidate, findings);

        List<Change> changes = findings.changes();
        boolean schemaChanged = changes.stream().anyMatch(c -> c.classification() != ChangeClass.COSMETIC);
        List<String> refusals = new ArrayList<>(VersionRules.refusals(installed.version(), candidate.version(), changes, schemaChanged));
        refusals.addAll(findings.refusals());
        return new ChangeSet(changes, refusals.isEmpty() ? Verdict.ALLOWED : Verdict.REFUSED, refusals, schemaChanged);
    }

    private static ChangeSet firstInstall(Manifest candidate) {
        Findings findings = new Findings();
        for (DictionaryDef dictionary : candidate.dictionaries().values()) {
            DictionaryDiff.added(findings, dictionary);
        }
        for (EntityDef entity : candidate.entities().values()) {
            EntityDiff.added(findings, entity);
        }
        List<Change> changes = findings.changes();
        return new ChangeSet(changes, Verdict.ALLOWED, List.of(), !changes.isEmpty());
    }
}
