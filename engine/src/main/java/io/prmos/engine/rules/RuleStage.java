package io.prmos.engine.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.store.BeforeWrite;
import io.prmos.engine.store.PendingWrite;
import io.prmos.engine.store.RecordChange.Operation;
import io.prmos.engine.validation.TypedValues;
import io.prmos.engine.validation.ValidationException;
import io.prmos.engine.validation.Violation;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.rules.EntityExpressions;
import io.prmos.metadata.rules.RecordActivation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Formulas, then validation rules, on the record as it will be written (the stored record merged
 * with the write's values, after before-hooks): write stage order 30. Formula values are stored
 * with the row (docs/adr/0052); a false rule is a 422 violation with the rule's message on its
 * field. Creates, updates (also bulk items and writes by hooks) pass here; deletes do not.
 */
@ApplicationScoped
public class RuleStage implements BeforeWrite {

    public static final int ORDER = 30;

    @Inject
    CompiledExpressions expressions;

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public boolean appliesTo(PendingWrite write) {
        if (write.operation() != Operation.CREATED && write.operation() != Operation.UPDATED) {
            return false;
        }
        return !write.entity().def().validations().isEmpty()
                || write.entity().def().fields().values().stream().anyMatch(FieldDef::computed);
    }

    @Override
    public Uni<Map<FieldDescriptor, Object>> prepare(SqlConnection connection, PendingWrite write) {
        return Uni.createFrom().item(() -> apply(write));
    }

    Map<FieldDescriptor, Object> apply(PendingWrite write) {
        EntityExpressions compiled = expressions.of(write.entity());
        Map<FieldDescriptor, Object> values = new LinkedHashMap<>(write.values());
        ObjectNode record = TypedValues.merged(write.stored(), values);
        List<Violation> violations = new ArrayList<>();
        compiled.formulas().forEach((name, program) -> {
            FieldDescriptor field = write.entity().field(name).orElseThrow();
            EntityExpressions.Evaluation result = EntityExpressions.evaluate(program, RecordActivation.of(write.entity().def(), record));
            FormulaValue.Converted value = FormulaValue.convert(field, result);
            if (value.error() != null) {
                violations.add(new Violation(write.pointer() + "/" + name, "formula", value.error()));
            } else {
                values.put(field, value.value());
                record.set(name, TypedValues.toJson(value.value()));
            }
        });
        Map<String, Object> variables = RecordActivation.of(write.entity().def(), record);
        for (EntityExpressions.Rule rule : compiled.rules()) {
            EntityExpressions.Evaluation result = EntityExpressions.evaluate(rule.program(), variables);
            if (!result.isTrue()) {
                String pointer = write.pointer() + rule.def().field().map(f -> "/" + f).orElse(write.pointer().isEmpty() ? "/" : "");
                String message = result.error() == null ? rule.def().message()
                        : rule.def().message() + " (the rule could not be evaluated: " + result.error() + ")";
                violations.add(new Violation(pointer, "rule", message));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return values;
    }
}
