package io.prmos.engine.registry;

import io.prmos.metadata.diff.Change;
import java.util.List;

/** What a publish (or rollback) did or, for a dry run, would do, module by module. */
public record PublishOutcome(boolean dryRun, boolean applied, List<ModuleOutcome> modules) {

    /**
     * One module: versions, the overall class of its changes, each change, the SQL planned for it,
     * and warnings naming other modules that depend on what a breaking change touches.
     */
    public record ModuleOutcome(String module, String from, String to, String classification, List<Change> changes,
                                List<String> sql, List<String> warnings) {
    }
}
