package io.prmos.metadata.diff;

import java.util.List;

/**
 * Everything that changes when a candidate manifest replaces the installed one, and whether that is allowed.
 *
 * @param refusals      one sentence per reason the candidate is refused, saying what to change; empty when allowed
 * @param schemaChanged some change is not cosmetic: the data contract (tables, columns, constraints,
 *                      indexes, dictionaries, validation) differs
 */
public record ChangeSet(List<Change> changes, Verdict verdict, List<String> refusals, boolean schemaChanged) {

    public ChangeSet {
        changes = List.copyOf(changes);
        refusals = List.copyOf(refusals);
    }

    public boolean allowed() {
        return verdict == Verdict.ALLOWED;
    }
}
