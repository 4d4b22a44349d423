package io.prmos.metadata.check;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import io.prmos.metadata.filter.FilterParser;
import io.prmos.metadata.filter.FilterSyntaxException;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.rules.CelTypes;
import io.prmos.metadata.rules.RecordEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One expression checked on its own, exactly as the manifest checks check it: a CEL rule, guard or
 * formula against its entity ({@link ExpressionRules}), or a record rule in the filter language
 * ({@link WhereRules}). Editors (the metadata designer) call it while the author types, so problems
 * carry the 0-based offset into the expression they point at.
 */
public final class ExpressionCheck {

    private ExpressionCheck() {
    }

    /** A problem of an expression; {@code position} is -1 when it concerns the whole expression. */
    public record Problem(String message, int position) {
    }

    /** The verdict: no problems means the expression is accepted where it would be used. */
    public record Result(List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** A validation rule or a workflow guard: CEL over the entity's fields that must return bool. */
    public static Result condition(EntityDef entity, String expression) {
        return cel(entity, expression, SimpleType.BOOL);
    }

    /**
     * A formula of {@code field}: CEL over the entity's fields returning the field's type. A field whose
     * type cannot be computed is a problem of its own.
     */
    public static Result formula(EntityDef entity, FieldDef field, String expression) {
        Optional<CelType> type = CelTypes.formulaResult(field.type());
        if (type.isEmpty()) {
            return new Result(List.of(new Problem("a field of type " + field.type().name() + " cannot be a formula", -1)));
        }
        return cel(entity, expression, type.get());
    }

    private static Result cel(EntityDef entity, String expression, CelType expected) {
        if (expression == null || expression.isBlank()) {
            return new Result(List.of(new Problem("the expression is empty", 0)));
        }
        RecordEnvironment.Checked checked = new RecordEnvironment(entity).check(expression, expected);
        return checked.ok() ? new Result(List.of())
                : new Result(List.of(new Problem("expression does not type-check: " + checked.problem(), checked.position())));
    }

    /** A record rule ({@code where:} of a permission): it must parse and name only fields, system columns and $user variables. */
    public static Result rowRule(EntityDef entity, String rule) {
        if (rule == null || rule.isBlank()) {
            return new Result(List.of(new Problem("the rule is empty", 0)));
        }
        List<Problem> problems = new ArrayList<>();
        try {
            new WhereRules(entity, message -> problems.add(new Problem(message, -1))).check(FilterParser.parse(rule));
        } catch (FilterSyntaxException e) {
            problems.add(new Problem("rule does not parse: " + e.reason() + " at position " + e.position() + " of the rule",
                    e.position()));
        }
        return new Result(problems);
    }
}
