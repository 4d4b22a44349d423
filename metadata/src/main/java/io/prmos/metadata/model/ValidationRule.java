package io.prmos.metadata.model;

import java.util.Optional;

/**
 * A validation rule of an entity: a CEL expression over the record that must be true for a write to
 * pass, the message reported when it is false, and the field the message is reported on (the
 * record as a whole when absent).
 */
public record ValidationRule(String rule, String message, Optional<String> field) {
}
