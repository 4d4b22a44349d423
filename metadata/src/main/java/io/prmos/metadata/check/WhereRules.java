package io.prmos.metadata.check;

import io.prmos.metadata.filter.FieldPath;
import io.prmos.metadata.filter.Filter;
import io.prmos.metadata.filter.Literal;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import io.prmos.metadata.model.RecordScope;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A record rule ({@code where:}) names fields of its entity (filterability is not required: rules
 * run on the server, not on client input) or the system columns a rule may test, and uses only
 * the principal variables; {@code $user.roles} is a list and stands alone in an in/nin list.
 */
final class WhereRules {

    /** System columns a rule may name; tenant_id, version and deleted_at are the platform's business. */
    static final Set<String> SYSTEM_FIELDS = Set.of("id", "created_by", "updated_by", "created_at", "updated_at");

    private final EntityDef entity;
    private final Consumer<String> report;

    WhereRules(EntityDef entity, Consumer<String> report) {
        this.entity = entity;
        this.report = report;
    }

    void check(Filter filter) {
        if (filter instanceof Filter.And and) {
            and.operands().forEach(this::check);
        } else if (filter instanceof Filter.Or or) {
            or.operands().forEach(this::check);
        } else if (filter instanceof Filter.Not not) {
            check(not.operand());
        } else if (filter instanceof Filter.Comparison comparison) {
            checkPath(comparison.field());
            checkValue(comparison.value(), false);
        } else if (filter instanceof Filter.InList in) {
            checkPath(in.field());
            checkList(in.values());
        } else if (filter instanceof Filter.IsNull isNull) {
            checkPath(isNull.field());
        }
    }

    private void checkList(List<Literal> values) {
        boolean alone = values.size() == 1;
        values.forEach(value -> checkValue(value, alone));
    }

    private void checkPath(FieldPath path) {
        String name = path.field();
        if (SYSTEM_FIELDS.contains(name) && path.part().isEmpty()) {
            return;
        }
        FieldDef field = entity.fields().get(name);
        if (field == null) {
            report.accept("rule names '" + path + "', which is not a field of entity '" + entity.name() + "'");
        } else if (field.type() instanceof FieldType.Money) {
            path.part().filter(part -> !part.equals("amount") && !part.equals("currency")).ifPresent(part -> report.accept(
                    "money field '" + name + "' has parts amount and currency, not '" + part + "'"));
        } else if (path.part().isPresent()) {
            report.accept("field '" + name + "' has no part '" + path.part().get() + "'");
        }
    }

    private void checkValue(Literal value, boolean aloneInList) {
        if (!(value instanceof Literal.Variable variable)) {
            return;
        }
        if (!RecordScope.Rule.VARIABLES.contains(variable.path())) {
            report.accept("unknown variable '$" + variable.path()
                    + "'; a rule may use $user.id, $user.name, $user.tenant and $user.roles");
        } else if (variable.path().equals(RecordScope.Rule.ROLES_VARIABLE) && !aloneInList) {
            report.accept("$user.roles is a list; use it as the only value of an in/nin list, e.g. owner_role in ($user.roles)");
        }
    }
}
