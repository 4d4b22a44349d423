package io.prmos.hooks;

/** A field's value before and after a write; {@code null} stands for no value. */
public record Change(Object oldValue, Object newValue) {
}
