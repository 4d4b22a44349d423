package io.prmos.cli.command;

import io.prmos.cli.CliContext;
import io.prmos.cli.CliFailure;
import io.prmos.cli.client.PublishPlan;
import io.prmos.cli.render.Output;
import io.prmos.cli.render.PlanPrinter;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Plan, show, confirm, apply: what publish and rollback share. A plan with a BREAKING change is
 * applied only after a "y" at the terminal or with {@code --yes}; without a terminal it is refused.
 */
final class PlanFlow {

    private final CliContext context;
    private final Output output;

    PlanFlow(CliContext context, Output output) {
        this.context = context;
        this.output = output;
    }

    void run(Supplier<PublishPlan> dryRun, Supplier<PublishPlan> apply, boolean dryRunOnly, boolean yes) {
        output.line("planning...");
        PublishPlan plan = dryRun.get();
        PlanPrinter.print(plan, output.text());
        if (dryRunOnly) {
            output.line("dry run: nothing was applied");
            output.document(plan);
            return;
        }
        if (plan.breaking() && !yes) {
            confirm(plan);
        }
        output.line("applying...");
        PublishPlan result = apply.get();
        output.line("done: " + (result.applied() ? "applied " : "nothing applied for ") + result.modules().stream()
                .map(m -> m.module() + " " + m.to()).reduce((a, b) -> a + ", " + b).orElse("no modules"));
        output.document(result);
    }

    private void confirm(PublishPlan plan) {
        String question = "The plan has " + plan.breakingChanges() + " breaking change(s); data may be lost.";
        if (!context.interactive()) {
            throw CliFailure.user(question + " Refusing without a terminal; rerun with --yes to apply.");
        }
        context.err().print(question + " Apply? [y/N] ");
        context.err().flush();
        String answer;
        try {
            answer = context.in().readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !(answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) {
            throw CliFailure.user("cancelled: nothing was applied");
        }
    }
}
