package io.prmos.engine.validation;

import java.util.List;

/** All violations found in one request body, reported together (422). */
public final class ValidationException extends RuntimeException {

    private final List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(violations.size() + " invalid value(s)", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
