package io.prmos.cli.client;

import java.util.List;

/**
 * The answer of a publish or rollback, dry run or not: per module the version step, the change
 * classification, every change and the SQL the migration runs.
 */
public record PublishPlan(boolean dryRun, boolean applied, List<ModulePlan> modules) {

    public PublishPlan {
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    public record ModulePlan(String module, String from, String to, String classification,
                             List<Change> changes, List<String> sql) {
        public ModulePlan {
            changes = changes == null ? List.of() : List.copyOf(changes);
            sql = sql == null ? List.of() : List.copyOf(sql);
        }

        public boolean breaking() {
            return "breaking".equalsIgnoreCase(classification) || changes.stream().anyMatch(Change::breaking);
        }
    }

    public record Change(String kind, String target, String classification, String description, boolean acknowledged) {
        public boolean breaking() {
            return "BREAKING".equalsIgnoreCase(classification);
        }
    }

    public long breakingChanges() {
        return modules.stream().flatMap(m -> m.changes().stream()).filter(Change::breaking).count();
    }

    public boolean breaking() {
        return modules.stream().anyMatch(ModulePlan::breaking);
    }
}
