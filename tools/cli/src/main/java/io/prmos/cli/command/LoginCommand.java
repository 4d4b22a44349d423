package io.prmos.cli.command;

import io.prmos.cli.CliFailure;
import io.prmos.cli.ExitCodes;
import io.prmos.cli.auth.CliConfig;
import io.prmos.cli.auth.Credentials;
import io.prmos.cli.auth.TokenClient;
import io.prmos.cli.http.Http;
import io.prmos.cli.render.Output;
import java.io.Console;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "login",
        description = {"Store credentials for a server in $XDG_CONFIG_HOME/prm/credentials.json (mode 0600).",
                "Exactly one of: --api-key; --issuer with --username (password grant) or --device; --dev-user."})
public final class LoginCommand extends PrmCommand {

    @Option(names = "--api-key", paramLabel = "KEY", description = "An engine API key (sent as 'Authorization: ApiKey KEY').")
    String apiKey;

    @Option(names = "--issuer", paramLabel = "URL", description = "OIDC issuer, e.g. http://localhost:8180/realms/prm.")
    String issuer;

    @Option(names = "--client-id", paramLabel = "ID", defaultValue = "prm-cli", description = "OIDC client (default: prm-cli).")
    String clientId;

    @Option(names = "--client-secret", paramLabel = "SECRET", description = "Secret of the OIDC client.")
    String clientSecret;

    @Option(names = "--username", paramLabel = "USER", description = "User for the password grant.")
    String username;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "Password; asked for when omitted.")
    String password;

    @Option(names = "--device", description = "Device authorization: open the printed URL in a browser and confirm.")
    boolean device;

    @Option(names = "--dev-user", paramLabel = "USER",
            description = "Sign in through the engine's embedded identity provider (local development only).")
    String devUser;

    @Override
    public Integer call() {
        String server = server();
        Credentials credentials = obtain(server, new TokenClient(new Http()));
        credentialStore().save(server, credentials);
        new CliConfig(context().configDirectory()).rememberServer(server);
        Output output = output();
        output.line("signed in to " + server + " with " + credentials.description()
                + "; credentials saved in " + credentialStore().file());
        Map<String, String> document = new LinkedHashMap<>();
        document.put("server", server);
        document.put("method", credentials.description());
        document.put("credentials", credentialStore().file().toString());
        output.document(document);
        return ExitCodes.OK;
    }

    private Credentials obtain(String server, TokenClient tokens) {
        int methods = (apiKey != null ? 1 : 0) + (issuer != null ? 1 : 0) + (devUser != null ? 1 : 0);
        if (methods != 1) {
            throw CliFailure.user("prm login needs exactly one of --api-key, --issuer (with --username or --device), --dev-user");
        }
        if (apiKey != null) {
            return Credentials.apiKey(apiKey);
        }
        if (devUser != null) {
            return Credentials.devUser(tokens.devIdentity(server, devUser), devUser);
        }
        TokenClient.OidcClient client = new TokenClient.OidcClient(Http.uri(issuer).toString(), clientId, clientSecret);
        if (device == (username != null)) {
            throw CliFailure.user("with --issuer give either --username (password grant) or --device");
        }
        if (device) {
            return Credentials.oidc(tokens.device(client, context().err()), client.tokenEndpoint(), clientId, clientSecret);
        }
        String secret = password != null ? password : askPassword();
        return Credentials.oidc(tokens.password(client, username, secret), client.tokenEndpoint(), clientId, clientSecret);
    }

    private String askPassword() {
        Console console = System.console();
        if (console != null && context().interactive()) {
            char[] typed = console.readPassword("Password for %s: ", username);
            if (typed == null) {
                throw CliFailure.user("no password given");
            }
            return new String(typed);
        }
        try {
            String line = context().in().readLine();
            if (line == null || line.isEmpty()) {
                throw CliFailure.user("no password given: use --password or type it on stdin");
            }
            return line;
        } catch (IOException e) {
            throw CliFailure.user("cannot read the password from stdin: " + e.getMessage());
        }
    }
}
