package io.prmos.engine.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.query.SystemFields;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.naming.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The columns of a CSV export: the requested fields (or id and every readable field), a money
 * field as two columns (amount, currency), headed by labels or by names.
 */
final class CsvColumns {

    private record Column(String field, String part, String header) {
    }

    private final List<Column> columns;

    private CsvColumns(List<Column> columns) {
        this.columns = columns;
    }

    static CsvColumns of(EntityDescriptor entity, Set<String> visible, String fields, boolean labels) {
        List<String> names = new ArrayList<>();
        if (fields == null || fields.isBlank()) {
            names.add("id");
            entity.fields().stream().map(FieldDescriptor::name).filter(visible::contains).forEach(names::add);
        } else {
            for (String name : fields.split(",")) {
                names.add(name.trim());
            }
        }
        List<Column> out = new ArrayList<>();
        for (String name : names) {
            FieldDescriptor field = SystemFields.lookupVisible(entity, name, visible)
                    .orElseThrow(() -> new ApiProblem(400, "invalid-fields", "Invalid fields",
                            "unknown field '" + name + "' of " + entity.qualifiedName(), List.of()));
            String label = !labels ? name : SystemFields.isSystem(field) ? Names.humanize(name) : field.def().label();
            if (field.isMoney()) {
                out.add(new Column(name, "amount", labels ? label + " (amount)" : name + ".amount"));
                out.add(new Column(name, "currency", labels ? label + " (currency)" : name + ".currency"));
            } else {
                out.add(new Column(name, null, label));
            }
        }
        return new CsvColumns(List.copyOf(out));
    }

    String header() {
        return CsvCells.line(columns.stream().map(c -> CsvCells.defuse(c.header())).toList());
    }

    String row(ObjectNode record) {
        List<String> cells = new ArrayList<>();
        for (Column column : columns) {
            var value = record.get(column.field());
            cells.add(CsvCells.cell(column.part() == null || value == null ? value : value.get(column.part())));
        }
        return CsvCells.line(cells);
    }
}
