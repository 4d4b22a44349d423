package io.prmos.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One transition of a {@link Workflow}.
 *
 * @param from         the states it may start from
 * @param guard        a CEL condition on the record that must hold, with the message reported when it does not
 * @param roles        the roles that may perform it; empty means any role that may update the record
 * @param set          further field values written with the new state
 * @param emit         a custom event emitted when the transition happens, e.g. {@code deals.DealQualified}
 * @param rowScope     which records the caller may perform it on: those in their update scope (the
 *                     default), or, when the manifest says {@code rowScope: read}, any record they can read
 */
public record Transition(String name, String label, List<String> from, String to, Optional<String> guard,
                         Optional<String> guardMessage, List<String> roles, Map<String, JsonNode> set,
                         Optional<String> emit, RowScope rowScope) {

    /** Whether a transition honours the caller's update row scope ({@code own}, {@code where}) or only their read scope. */
    public enum RowScope {
        UPDATE, READ;

        public static RowScope of(String text) {
            return "read".equals(text) ? READ : UPDATE;
        }
    }
}
