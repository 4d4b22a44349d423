package io.prmos.cli;

/** What subcommands need from the root command: the context of this run. */
public interface PrmRoot {
    CliContext context();
}
