package io.prmos.metadata.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldDef;
import java.util.Set;

/**
 * The CEL environment of one entity: every field is a variable of its {@link CelTypes CEL type}
 * (plus {@code id}). Comparisons across int and double are allowed ({@code score >= 80.5});
 * arithmetic is not, as in CEL everywhere ({@code probability / 100.0}).
 */
public final class RecordEnvironment {

    static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

    /** CEL's reserved words cannot be variable names; fields with these names are not visible to expressions. */
    private static final Set<String> RESERVED = Set.of("in", "as", "break", "const", "continue", "else", "for", "function",
            "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while", "true", "false", "null");

    private final CelCompiler compiler;

    public RecordEnvironment(EntityDef entity) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS).setTypeProvider(CelTypes.PROVIDER).setResultType(SimpleType.DYN);
        builder.addVar("id", SimpleType.STRING);
        for (FieldDef field : entity.fields().values()) {
            if (!RESERVED.contains(field.name())) {
                builder.addVar(field.name(), CelTypes.of(field.type()));
            }
        }
        this.compiler = builder.build();
    }

    /** Parses and type-checks; the result is the checked tree or the first problem, with its position. */
    public Checked check(String expression, CelType expected) {
        CelValidationResult result = compiler.compile(expression);
        if (result.hasError()) {
            CelIssue issue = result.getErrors().get(0);
            int column = Math.max(issue.getSourceLocation().getColumn(), 0);
            int offset = offset(expression, issue.getSourceLocation().getLine(), column);
            return new Checked(null, issue.getMessage() + " at position " + column + " of the expression", offset);
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            CelType actual = ast.getResultType();
            if (!assignable(expected, actual)) {
                return Checked.failed("the expression returns " + actual.name() + ", expected " + expected.name());
            }
            return new Checked(ast, null, -1);
        } catch (dev.cel.common.CelValidationException e) {
            return Checked.failed(e.getMessage());
        }
    }

    /** The 0-based offset into the expression of a CEL location (1-based line, 0-based column). */
    private static int offset(String expression, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            int next = expression.indexOf('\n', at);
            if (next < 0) {
                break;
            }
            at = next + 1;
        }
        return Math.min(at + column, expression.length());
    }

    private static boolean assignable(CelType expected, CelType actual) {
        if (expected.equals(SimpleType.DYN) || actual.equals(SimpleType.DYN) || expected.equals(actual)) {
            return true;
        }
        // an int formula result fits a decimal field
        return expected.equals(SimpleType.DOUBLE) && actual.equals(SimpleType.INT);
    }

    /**
     * A checked expression, or why it failed; {@code position} is the 0-based offset into the expression
     * the problem points at (-1 when it concerns the whole expression, e.g. its result type).
     */
    public record Checked(CelAbstractSyntaxTree ast, String problem, int position) {
        static Checked failed(String problem) {
            return new Checked(null, problem, -1);
        }

        public boolean ok() {
            return problem == null;
        }
    }
}
