package io.prmos.metadata.model;

/**
 * A type of typed many-to-many link between records, declared by a module: {@code from} and
 * {@code to} name entities as references do ({@code Entity} or {@code module.Entity}). Its
 * qualified name is {@code module.name}.
 */
public record LinkTypeDef(String name, String from, String to, String label, String inverseLabel, String description) {
}
