package io.prmos.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.RecordChange.Operation;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A create as one statement in its own transaction (docs/adr/0102): the INSERT and the rows its observers
 * append (history, activity, outbox) as data-modifying CTEs of one statement, sent with the tenant setting
 * in one pipeline — two protocol messages instead of BEGIN, setting, INSERT, appends and COMMIT.
 *
 * <p>It takes a create only when nothing needs the transaction: no before-write stage applies (hooks,
 * workflow, formulas, rules), every observer of the entity only appends, no cross-module reference must be
 * looked up, the instance holds a public-id number, and the record's image is known exactly before the
 * INSERT ({@link CreatedImage}). Any other create takes the transaction path; the answers are the same.
 */
final class OneStatementCreate {

    /** {@code enabled}: take creates this way; {@code checkImages}: compare each image with the row read back (tests). */
    record Options(boolean enabled, boolean checkImages) {
        static final Options DEFAULT = new Options(true, true);
    }

    private final TenantTransactions transactions;
    private final ChangeObservers observers;
    private final PublicIdBlocks publicIds;
    private final Predicate<PendingWrite> staged;
    private final Options options;

    OneStatementCreate(TenantTransactions transactions, ChangeObservers observers, PublicIdBlocks publicIds,
                       Predicate<PendingWrite> staged, Options options) {
        this.transactions = transactions;
        this.observers = observers;
        this.publicIds = publicIds;
        this.staged = staged;
        this.options = options;
    }

    /**
     * The create as one statement, or empty when it must take the transaction path. {@code insertValues}
     * gives the INSERT's values for a public number.
     */
    Optional<Uni<ObjectNode>> create(Caller caller, Catalog catalog, EntityStatements s, Map<FieldDescriptor, Object> values,
                                     Access access, Function<Long, Tuple> insertValues) {
        EntityDescriptor entity = s.entity;
        if (!options.enabled() || !observers.onlyAppendFor(entity) || ReferenceCheck.needed(values)
                || staged.test(new PendingWrite(Operation.CREATED, catalog, entity, caller, null, values, ""))) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        Optional<ObjectNode> image = CreatedImage.of(entity, id, values);
        Long number = image.isPresent() ? PublicIds.held(transactions, publicIds, caller, s) : null; // taken last: nothing may refuse it after
        if (number == null) {
            return Optional.empty();
        }
        RecordChange change = new RecordChange(Operation.CREATED, entity, caller, null, image.get());
        ChangeObservers.Appending appending = observers.appends(List.of(change));
        List<Append> rows = appending.rows().stream().filter(a -> !a.rows().isEmpty()).toList();
        Tuple insert = insertValues.apply(number);
        List<Object> params = new ArrayList<>();
        params.add(id);
        for (int i = 0; i < insert.size(); i++) {
            params.add(insert.getValue(i));
        }
        String sql = AppendStatement.afterWrite(s.insertWithId, params.size(), rows);
        params.addAll(AppendStatement.bound(rows).values());
        return Optional.of(transactions.writeOne(caller, c -> c.preparedQuery(sql).execute(Tuple.from(params))
                .onFailure().transform(f -> DatabaseErrors.translate(s, f, ""))
                .map(written -> {
                    appending.written(c);
                    ObjectNode after = RowMapper.toJson(s, written.iterator().next(), null);
                    if (options.checkImages()) {
                        check(change, new RecordChange(Operation.CREATED, entity, caller, null, after));
                    }
                    return RowMapper.project(s, after, access.projection());
                })));
    }

    /** The appended rows described {@code expected}; the row read back must say the same (a failure here is a bug). */
    private static void check(RecordChange expected, RecordChange stored) {
        if (!expected.id().equals(stored.id()) || expected.version() != stored.version()
                || !expected.changesJson().equals(stored.changesJson())) {
            throw new IllegalStateException("the image of a created " + expected.entity().qualifiedName() + " differs from its row: "
                    + expected.changesJson() + " against " + stored.changesJson());
        }
    }
}
