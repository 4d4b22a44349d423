package io.prmos.cli.command;

import io.prmos.cli.CliContext;
import io.prmos.cli.PrmRoot;
import io.prmos.cli.auth.CliConfig;
import io.prmos.cli.auth.CredentialStore;
import io.prmos.cli.client.AdminClient;
import io.prmos.cli.http.Http;
import io.prmos.cli.render.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** What every subcommand shares: the context of the run, the common options and the server client. */
abstract class PrmCommand implements Callable<Integer> {

    @ParentCommand
    PrmRoot root;

    @Mixin
    CommonOptions common;

    CliContext context() {
        return root.context();
    }

    Output output() {
        return new Output(context().out(), common.output == OutputFormat.json);
    }

    String server() {
        return new CliConfig(context().configDirectory()).resolveServer(common.server, context().env("PRM_SERVER"));
    }

    CredentialStore credentialStore() {
        return new CredentialStore(context().configDirectory());
    }

    AdminClient admin() {
        return new AdminClient(server(), new Http(), credentialStore());
    }
}
