package io.prmos.engine.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One job as stored; {@link #json} is its API form (without the lease token, which only the leasing worker gets). */
public record Job(UUID id, String type, JsonNode payload, String status, String idempotencyKey, int attempts, int maxAttempts,
                  OffsetDateTime runAt, UUID leaseToken, OffsetDateTime leaseExpiresAt, String leasedBy, JsonNode result,
                  String lastError, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, OffsetDateTime finishedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Job of(Row r) {
        return new Job(r.getUUID("id"), r.getString("type"), parse(r.getString("payload")), r.getString("status"),
                r.getString("idempotency_key"), r.getInteger("attempts"), r.getInteger("max_attempts"), r.getOffsetDateTime("run_at"),
                r.getUUID("lease_token"), r.getOffsetDateTime("lease_expires_at"), r.getString("leased_by"),
                parse(r.getString("result")), r.getString("last_error"), r.getOffsetDateTime("created_at"), r.getString("created_by"),
                r.getOffsetDateTime("updated_at"), r.getOffsetDateTime("finished_at"));
    }

    public ObjectNode json() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", id.toString());
        out.put("type", type);
        out.put("status", status);
        out.set("payload", payload);
        out.put("attempts", attempts);
        out.put("maxAttempts", maxAttempts);
        out.put("runAt", runAt.toInstant().toString());
        putIfSet(out, "idempotencyKey", idempotencyKey);
        putIfSet(out, "leaseExpiresAt", leaseExpiresAt == null ? null : leaseExpiresAt.toInstant().toString());
        putIfSet(out, "leasedBy", leasedBy);
        if (result != null) {
            out.set("result", result);
        }
        putIfSet(out, "lastError", lastError);
        out.put("createdAt", createdAt.toInstant().toString());
        out.put("createdBy", createdBy);
        putIfSet(out, "updatedAt", updatedAt == null ? null : updatedAt.toInstant().toString());
        putIfSet(out, "finishedAt", finishedAt == null ? null : finishedAt.toInstant().toString());
        return out;
    }

    /** What the leasing worker receives: the job and the token that proves it holds the lease. */
    public ObjectNode leasedJson() {
        return json().put("leaseToken", leaseToken.toString());
    }

    private static void putIfSet(ObjectNode out, String name, String value) {
        if (value != null) {
            out.put(name, value);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored job JSON is not JSON", e);
        }
    }
}
