package io.prmos.cli.command;

import picocli.CommandLine.Option;

/** The options every command takes. */
public final class CommonOptions {

    @Option(names = "--server", paramLabel = "URL",
            description = "Engine URL. Default: $PRM_SERVER, else the server of the last prm login, else http://localhost:8080.")
    String server;

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON document on stdout.")
    OutputFormat output;

    // Not picocli's standard mixin: its --version would clash with the --version of prm pull.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
