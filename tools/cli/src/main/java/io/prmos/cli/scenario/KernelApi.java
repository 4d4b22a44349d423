package io.prmos.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.cli.CliFailure;
import io.prmos.cli.http.Http;
import io.prmos.cli.kernel.Kernel;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** HTTP to the kernel: the API as a scenario's user, test support as the operator. */
public final class KernelApi {

    /** A response: its status and JSON body (a missing or non-JSON body is an empty object). */
    public record Answer(String method, String path, int status, String contentType, JsonNode body) {
    }

    private final Kernel kernel;
    private final Http http = new Http();

    KernelApi(Kernel kernel) {
        this.kernel = kernel;
    }

    Answer call(String user, String method, String path, JsonNode body) {
        String full = path.startsWith("/api/") ? path : "/api/v1" + (path.startsWith("/") ? path : "/" + path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(Http.uri(kernel.url() + full)).timeout(Http.REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + kernel.token(user));
        if (body == null || body.isMissingNode()) {
            builder.method(method, method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                    ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        } else {
            builder.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        builder.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
        HttpResponse<byte[]> response = http.send(builder.build());
        return new Answer(method, full, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json(response.body()));
    }

    Answer fixture(String tenant, String entity, JsonNode values) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("tenant", tenant).put("entity", entity);
        body.set("values", values == null || values.isMissingNode() ? JsonNodeFactory.instance.objectNode() : values);
        return call(Kernel.OPERATOR, "POST", "/api/test-support/records", body);
    }

    Answer inject(String tenant, String type, JsonNode payload) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("tenant", tenant).put("type", type);
        body.set("payload", payload == null || payload.isMissingNode() ? JsonNodeFactory.instance.objectNode() : payload);
        return call(Kernel.OPERATOR, "POST", "/api/test-support/events", body);
    }

    List<JsonNode> records(String tenant, String entity, String where) {
        int dot = entity.indexOf('.');
        String path = "/api/test-support/records/" + Http.encode(entity.substring(0, Math.max(dot, 0))) + "/"
                + Http.encode(entity.substring(dot + 1)) + "?limit=1000&tenant=" + Http.encode(tenant)
                + (where == null ? "" : "&filter=" + Http.encode(where));
        Answer answer = call(Kernel.OPERATOR, "GET", path, null);
        if (answer.status() != 200) {
            throw new IllegalStateException("reading " + entity + " failed with " + answer.status() + ": "
                    + CliFailure.oneLine(answer.body().path("detail").asText(answer.body().toString())));
        }
        return list(answer.body().path("items"));
    }

    /** The tenant's events after a position; the last element's position is the next start. */
    Events events(String tenant, long after) {
        Answer answer = call(Kernel.OPERATOR, "GET", "/api/test-support/events?limit=1000&tenant=" + Http.encode(tenant) + "&after=" + after, null);
        if (answer.status() != 200) {
            throw CliFailure.server("reading the events of the kernel failed with " + answer.status());
        }
        return new Events(list(answer.body().path("items")), answer.body().path("next").asLong(after));
    }

    record Events(List<JsonNode> items, long next) {
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static JsonNode json(byte[] body) {
        if (body == null || body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return Http.JSON.readTree(body);
        } catch (IOException e) {
            return JsonNodeFactory.instance.objectNode().put("text", new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
