package io.prmos.cli.client;

import com.fasterxml.jackson.databind.JavaType;
import io.prmos.cli.CliFailure;
import io.prmos.cli.auth.CredentialStore;
import io.prmos.cli.auth.Credentials;
import io.prmos.cli.auth.TokenClient;
import io.prmos.cli.http.Http;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's module administration API ({@code /api/admin/modules}), typed. Sends the stored
 * credentials; on a 401 with renewable credentials it gets a new token once, saves it and retries.
 */
public final class AdminClient {

    private static final String BASE = "/api/admin/modules";

    private final String server;
    private final Http http;
    private final CredentialStore store;
    private final TokenClient tokens;
    private Optional<Credentials> credentials;

    public AdminClient(String server, Http http, CredentialStore store) {
        this.server = server;
        this.http = http;
        this.store = store;
        this.tokens = new TokenClient(http);
        this.credentials = store.find(server);
    }

    public String server() {
        return server;
    }

    public PublishPlan publish(List<ManifestSource> modules, boolean dryRun) {
        byte[] body = json(Map.of("modules", modules));
        return read(send("POST", BASE + "?dryRun=" + dryRun, body), PublishPlan.class);
    }

    public PublishPlan rollback(String module, boolean dryRun) {
        return read(send("POST", BASE + "/" + Http.encode(module) + "/rollback?dryRun=" + dryRun, new byte[0]),
                PublishPlan.class);
    }

    public List<InstalledModule> installed() {
        return read(send("GET", BASE, null), InstalledModule.Page.class).items();
    }

    public List<InstalledModule> history(String module) {
        return read(send("GET", BASE + "/" + Http.encode(module) + "/history", null), InstalledModule.Page.class).items();
    }

    public PublishedManifest manifest(String module, Optional<String> version) {
        String query = version.map(v -> "?version=" + Http.encode(v)).orElse("");
        HttpResponse<byte[]> response = send("GET", BASE + "/" + Http.encode(module) + "/manifest" + query, null);
        return new PublishedManifest(response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body) {
        HttpResponse<byte[]> response = http.send(request(method, path, body));
        if (response.statusCode() == 401 && credentials.filter(Credentials::renewable).isPresent()) {
            Credentials renewed = renew(credentials.get());
            store.save(server, renewed);
            credentials = Optional.of(renewed);
            response = http.send(request(method, path, body));
        }
        if (response.statusCode() / 100 != 2) {
            throw ProblemResponse.toFailure(server, response.statusCode(), response.body());
        }
        return response;
    }

    private Credentials renew(Credentials expired) {
        try {
            return tokens.renew(expired, server);
        } catch (CliFailure e) {
            throw CliFailure.user("the session at " + server + " expired and could not be renewed (" + e.getMessage() + "); run prm login");
        }
    }

    private HttpRequest request(String method, String path, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(Http.uri(server + path))
                .timeout(Http.REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json, application/yaml, */*");
        credentials.ifPresent(c -> builder.header("Authorization", c.authorizationHeader()));
        if (body == null) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private <T> T read(HttpResponse<byte[]> response, Class<T> type) {
        try {
            JavaType javaType = Http.JSON.getTypeFactory().constructType(type);
            return Http.JSON.readValue(response.body(), javaType);
        } catch (IOException e) {
            throw CliFailure.server("unexpected answer from " + server + " to " + response.request().method() + " "
                    + response.uri().getPath() + ": " + e.getMessage());
        }
    }

    private static byte[] json(Object value) {
        try {
            return Http.JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize request", e);
        }
    }
}
