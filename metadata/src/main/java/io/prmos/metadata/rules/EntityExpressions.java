package io.prmos.metadata.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.Transition;
import io.prmos.metadata.model.ValidationRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compiled expressions of one entity — validation rules, formulas (in field order) and workflow
 * guards — ready to evaluate on records. Built once per catalog; immutable and thread-safe. Only
 * manifests that passed the semantic checker are compiled, so every expression type-checks here.
 */
public final class EntityExpressions {

    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(RecordEnvironment.OPTIONS).build();

    /** A compiled validation rule. */
    public record Rule(ValidationRule def, CelRuntime.Program program) {
    }

    private final EntityDef entity;
    private final List<Rule> rules;
    private final Map<String, CelRuntime.Program> formulas;
    private final Map<String, CelRuntime.Program> guards;

    private EntityExpressions(EntityDef entity, List<Rule> rules, Map<String, CelRuntime.Program> formulas,
                              Map<String, CelRuntime.Program> guards) {
        this.entity = entity;
        this.rules = rules;
        this.formulas = formulas;
        this.guards = guards;
    }

    public static EntityExpressions compile(EntityDef entity) {
        RecordEnvironment env = new RecordEnvironment(entity);
        List<Rule> rules = new ArrayList<>();
        for (ValidationRule rule : entity.validations()) {
            rules.add(new Rule(rule, program(env.check(rule.rule(), SimpleType.BOOL), rule.rule())));
        }
        Map<String, CelRuntime.Program> formulas = new LinkedHashMap<>();
        for (FieldDef field : entity.fields().values()) {
            field.formula().ifPresent(f -> formulas.put(field.name(), program(
                    env.check(f, CelTypes.formulaResult(field.type()).orElse(SimpleType.DYN)), f)));
        }
        Map<String, CelRuntime.Program> guards = new LinkedHashMap<>();
        entity.workflow().ifPresent(w -> w.transitions().values().forEach(t -> t.guard().ifPresent(g ->
                guards.put(t.name(), program(env.check(g, SimpleType.BOOL), g)))));
        return new EntityExpressions(entity, List.copyOf(rules), Collections.unmodifiableMap(formulas),
                Collections.unmodifiableMap(guards));
    }

    private static CelRuntime.Program program(RecordEnvironment.Checked checked, String text) {
        if (!checked.ok()) {
            throw new IllegalStateException("expression '" + text + "' was not checked: " + checked.problem());
        }
        try {
            return RUNTIME.createProgram(checked.ast());
        } catch (CelEvaluationException e) {
            throw new IllegalStateException("expression '" + text + "' does not compile: " + e.getMessage(), e);
        }
    }

    public boolean isEmpty() {
        return rules.isEmpty() && formulas.isEmpty() && guards.isEmpty();
    }

    public EntityDef entity() {
        return entity;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Formula programs by field name, in field order. */
    public Map<String, CelRuntime.Program> formulas() {
        return formulas;
    }

    public Optional<CelRuntime.Program> guard(Transition transition) {
        return Optional.ofNullable(guards.get(transition.name()));
    }

    /** Evaluates a program; an evaluation error (e.g. division by zero) is reported as a message, not thrown. */
    public static Evaluation evaluate(CelRuntime.Program program, Map<String, Object> variables) {
        try {
            return new Evaluation(program.eval(variables), null);
        } catch (CelEvaluationException e) {
            return new Evaluation(null, e.getMessage());
        }
    }

    /** The value of an expression, or the error that stopped it. */
    public record Evaluation(Object value, String error) {
        public boolean isTrue() {
            return error == null && Boolean.TRUE.equals(value);
        }
    }
}
