package io.prmos.cli.render;

import io.prmos.cli.client.PublishPlan;
import java.io.PrintStream;

/** Prints a publish or rollback plan: per module the version step, each change and the SQL. */
public final class PlanPrinter {

    private PlanPrinter() {
    }

    public static void print(PublishPlan plan, PrintStream out) {
        if (plan.modules().isEmpty()) {
            out.println("no modules in the plan");
        }
        for (PublishPlan.ModulePlan module : plan.modules()) {
            out.println(module.module() + " " + (module.from() == null ? "(new)" : module.from()) + " -> " + module.to()
                    + "  [" + module.classification() + "]");
            if (module.changes().isEmpty()) {
                out.println("  no changes");
            }
            for (PublishPlan.Change change : module.changes()) {
                out.println("  " + marker(change) + " " + change.kind() + " " + change.target()
                        + " (" + change.classification() + (change.acknowledged() ? ", acknowledged" : "") + ")"
                        + (change.description() == null || change.description().isBlank() ? "" : ": " + change.description()));
            }
            if (!module.sql().isEmpty()) {
                out.println("  SQL:");
                module.sql().forEach(statement -> out.println("    " + statement.strip().replace("\n", "\n    ")
                        + (statement.strip().endsWith(";") ? "" : ";")));
            }
        }
    }

    private static String marker(PublishPlan.Change change) {
        String classification = change.classification() == null ? "" : change.classification().toUpperCase(java.util.Locale.ROOT);
        switch (classification) {
            case "BREAKING":
                return "!";
            case "ADDITIVE":
                return "+";
            default:
                return "~";
        }
    }
}
