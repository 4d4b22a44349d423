package io.prmos.metadata.rules;

import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;

/**
 * The CEL environment of automations: one variable {@code event}, the event's envelope as a map
 * ({@code event.type}, {@code event.subject}, {@code event.tenant}, {@code event.data.changes.tier.new}).
 * Its contents are dynamic, so checking catches syntax errors, unknown variables and a non-boolean
 * condition; a missing key is an evaluation error at run time (the automation is then skipped).
 */
public final class EventEnvironment {

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(RecordEnvironment.OPTIONS).setResultType(SimpleType.DYN)
            .addVar("event", MapType.create(SimpleType.STRING, SimpleType.DYN)).build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(RecordEnvironment.OPTIONS).build();

    private EventEnvironment() {
    }

    /** The problem of an expression, or {@code null}; {@code condition} expressions must be boolean. */
    public static String problem(String expression, boolean condition) {
        CelValidationResult result = COMPILER.compile(expression);
        if (result.hasError()) {
            return result.getErrors().get(0).getMessage() + " at position "
                    + Math.max(0, result.getErrors().get(0).getSourceLocation().getColumn()) + " of the expression";
        }
        try {
            var type = result.getAst().getResultType();
            if (condition && !type.equals(SimpleType.BOOL) && !type.equals(SimpleType.DYN)) {
                return "the expression returns " + type.name() + ", expected bool";
            }
            return null;
        } catch (dev.cel.common.CelValidationException e) {
            return e.getMessage();
        }
    }

    public static CelRuntime.Program program(String expression) {
        try {
            return RUNTIME.createProgram(COMPILER.compile(expression).getAst());
        } catch (dev.cel.common.CelValidationException | CelEvaluationException e) {
            throw new IllegalStateException("automation expression '" + expression + "' was not checked: " + e.getMessage(), e);
        }
    }

    public static EntityExpressions.Evaluation evaluate(CelRuntime.Program program, Map<String, Object> event) {
        return EntityExpressions.evaluate(program, Map.of("event", event));
    }
}
