package io.prmos.engine.events;

import io.prmos.engine.security.Caller;
import io.prmos.engine.store.Access;
import io.prmos.engine.store.RecordReader;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Answers {@link EventVisibility.RowCheck}s: which of the records is, now, in the rows the caller may
 * read (one lookup per distinct record, through the same row predicate the record API applies).
 */
final class RowAccess {

    private final RecordReader reader;
    private final Caller caller;

    RowAccess(RecordReader reader, Caller caller) {
        this.reader = reader;
        this.caller = caller;
    }

    Uni<Set<UUID>> readable(Collection<EventVisibility.RowCheck> checks) {
        if (checks.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        Map<UUID, EventVisibility.RowCheck> distinct = new LinkedHashMap<>();
        checks.forEach(check -> distinct.putIfAbsent(check.id(), check));
        Set<UUID> readable = new HashSet<>();
        return Multi.createFrom().iterable(distinct.values())
                .onItem().transformToUniAndConcatenate(check -> reader.get(caller, check.entity(), check.id(),
                                new Access(check.decision().rows(), check.decision().rows(), Set.of("id")))
                        .invoke(row -> row.ifPresent(found -> readable.add(check.id()))))
                .collect().last()
                .map(x -> readable);
    }
}
