package io.prmos.cli.command;

/** {@code --output}: text for people, json for scripts. */
public enum OutputFormat { text, json }
