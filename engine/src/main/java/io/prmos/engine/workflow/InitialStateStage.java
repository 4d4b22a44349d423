package io.prmos.engine.workflow;

import io.prmos.engine.store.BeforeWrite;
import io.prmos.engine.store.PendingWrite;
import io.prmos.engine.store.RecordChange.Operation;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.Workflow;
import io.prmos.engine.validation.ValueParser;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets a new record's state field to the workflow's initial state (write stage order 10, so that
 * before-hooks and rules see it). Requests cannot set the field: it is read-only to them.
 */
@ApplicationScoped
public class InitialStateStage implements BeforeWrite {

    public static final int ORDER = 10;

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public boolean appliesTo(PendingWrite write) {
        return write.operation() == Operation.CREATED && write.entity().def().workflow().isPresent();
    }

    @Override
    public Uni<Map<FieldDescriptor, Object>> prepare(SqlConnection connection, PendingWrite write) {
        Workflow workflow = write.entity().def().workflow().orElseThrow();
        FieldDescriptor field = write.entity().field(workflow.field()).orElseThrow();
        Map<FieldDescriptor, Object> values = new LinkedHashMap<>(write.values());
        if (values.get(field) == null) {
            values.put(field, ValueParser.parse(field.type(), TextNode.valueOf(workflow.initial())).value());
        }
        return Uni.createFrom().item(values);
    }
}
