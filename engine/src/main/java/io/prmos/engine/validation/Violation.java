package io.prmos.engine.validation;

/** One broken rule on one input value: a JSON pointer into the request body, a stable code and a human message. */
public record Violation(String pointer, String code, String message) {
}
