package io.prmos.engine.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.api.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads and checks the job API's request bodies; anything wrong is a 422 with one error per pointer, or a 400. */
@ApplicationScoped
public class JobRequests {

    /** {@code module.name}: lower-case words separated by dots, as event types are module-qualified. */
    static final Pattern TYPE = Pattern.compile("^[a-z][a-z0-9_]{0,62}(\\.[a-zA-Z][a-zA-Z0-9_-]{0,62}){1,3}$");
    static final Pattern KEY = Pattern.compile("^[\\x21-\\x7e]{1,200}$");
    private static final Set<String> STATUSES = Set.of("queued", "leased", "done", "dead");
    static final int MAX_JSON = 64 * 1024;

    record Lease(List<String> types, Duration patience, Duration duration) {
    }

    @ConfigProperty(name = "prm.jobs.max-attempts", defaultValue = "5")
    int defaultMaxAttempts;

    @ConfigProperty(name = "prm.jobs.lease.default", defaultValue = "PT60S")
    Duration defaultLease;

    JobRequest enqueue(JsonNode body, String headerKey) {
        List<Problem.Error> errors = new ArrayList<>();
        requireObject(body);
        String type = body.path("type").asText("");
        if (!TYPE.matcher(type).matches()) {
            errors.add(error("/type", "a job type is module.name, e.g. deals.score"));
        }
        JsonNode payload = body.has("payload") ? body.get("payload") : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (!payload.isObject()) {
            errors.add(error("/payload", "the payload is a JSON object"));
        } else if (payload.toString().length() > MAX_JSON) {
            errors.add(error("/payload", "the payload is larger than 64 KiB"));
        }
        String key = body.hasNonNull("idempotencyKey") ? body.get("idempotencyKey").asText() : headerKey;
        if (headerKey != null && body.hasNonNull("idempotencyKey") && !headerKey.equals(key)) {
            errors.add(error("/idempotencyKey", "differs from the Idempotency-Key header"));
        }
        if (key != null && !KEY.matcher(key).matches()) {
            errors.add(error("/idempotencyKey", "1 to 200 visible ASCII characters"));
        }
        int maxAttempts = body.path("maxAttempts").asInt(defaultMaxAttempts);
        if (body.has("maxAttempts") && (!body.get("maxAttempts").isInt() || maxAttempts < 1 || maxAttempts > 100)) {
            errors.add(error("/maxAttempts", "an integer from 1 to 100"));
        }
        int delay = body.path("delaySeconds").asInt(0);
        if (body.has("delaySeconds") && (!body.get("delaySeconds").isInt() || delay < 0 || delay > 31_536_000)) {
            errors.add(error("/delaySeconds", "an integer from 0 to 31536000 (a year)"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation", "Invalid job", errors.size() + " problem(s) in the job", errors);
        }
        return new JobRequest(type, payload, key, maxAttempts, Duration.ofSeconds(delay));
    }

    Lease lease(JsonNode body) {
        requireObject(body);
        List<Problem.Error> errors = new ArrayList<>();
        JsonNode typesNode = body.path("types");
        List<String> types = new ArrayList<>();
        if (!typesNode.isArray() || typesNode.isEmpty() || typesNode.size() > 50) {
            errors.add(error("/types", "1 to 50 job types to lease from"));
        } else {
            for (int i = 0; i < typesNode.size(); i++) {
                String t = typesNode.get(i).asText("");
                if (!TYPE.matcher(t).matches()) {
                    errors.add(error("/types/" + i, "a job type is module.name, e.g. deals.score"));
                }
                types.add(t);
            }
        }
        int wait = body.path("waitSeconds").asInt(20);
        if (body.has("waitSeconds") && (!body.get("waitSeconds").isInt() || wait < 0 || wait > 30)) {
            errors.add(error("/waitSeconds", "an integer from 0 to 30"));
        }
        Duration duration = leaseDuration(body, errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation", "Invalid lease request", errors.size() + " problem(s) in the request", errors);
        }
        return new Lease(types, Duration.ofSeconds(wait), duration);
    }

    Duration leaseDuration(JsonNode body) {
        List<Problem.Error> errors = new ArrayList<>();
        Duration d = leaseDuration(body, errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation", "Invalid lease", errors.get(0).message(), errors);
        }
        return d;
    }

    private Duration leaseDuration(JsonNode body, List<Problem.Error> errors) {
        if (body == null || !body.has("leaseSeconds")) {
            return defaultLease;
        }
        int seconds = body.get("leaseSeconds").asInt(-1);
        if (!body.get("leaseSeconds").isInt() || seconds < 5 || seconds > 3600) {
            errors.add(error("/leaseSeconds", "an integer from 5 to 3600"));
        }
        return Duration.ofSeconds(seconds);
    }

    UUID token(JsonNode body) {
        requireObject(body);
        try {
            return UUID.fromString(body.path("leaseToken").asText(""));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(422, "validation", "Invalid lease token", "leaseToken is the token the lease answered",
                    List.of(error("/leaseToken", "the token the lease answered")));
        }
    }

    String result(JsonNode body) {
        JsonNode result = body.path("result");
        if (result.isMissingNode() || result.isNull()) {
            return null;
        }
        if (result.toString().length() > MAX_JSON) {
            throw new ApiProblem(422, "validation", "Invalid result", "the result is larger than 64 KiB",
                    List.of(error("/result", "at most 64 KiB of JSON")));
        }
        return result.toString();
    }

    String error(JsonNode body) {
        String text = body.path("error").asText("failed");
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    void checkStatus(String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiProblem.badRequest("invalid-parameter", "status is one of " + STATUSES);
        }
    }

    static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no job " + id);
        }
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("invalid-body", "the request body is a JSON object");
        }
    }

    private static Problem.Error error(String pointer, String message) {
        return new Problem.Error(pointer, null, "invalid", message);
    }
}
