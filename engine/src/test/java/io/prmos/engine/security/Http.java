package io.prmos.engine.security;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests as a given user, and the shape checks every refusal must pass (problem+json with a stable type). */
final class Http {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String TYPE_BASE = "https://prmos.io/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 10_000).setParam("http.socket.timeout", 60_000));

    private Http() {
    }

    static RequestSpecification as(TestUser user) {
        return given().config(CONFIG).header("Authorization", user.authorization())
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static String collection(EntityDescriptor entity) {
        return "/api/v1/" + entity.module() + "/" + entity.path();
    }

    static String item(EntityDescriptor entity, String id) {
        return collection(entity) + "/" + id;
    }

    static JsonNode body(Response response) {
        try {
            String text = response.asString();
            return text == null || text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("response is not JSON: " + response.asString(), e);
        }
    }

    static JsonNode created(EntityDescriptor entity, TestUser user, Map<String, Object> body) {
        Response r = as(user).body(body).post(collection(entity));
        expectStatus(r, 201, "creating " + entity + " as " + user.label() + " with " + body);
        return body(r);
    }

    static JsonNode get(EntityDescriptor entity, TestUser user, String id) {
        Response r = as(user).get(item(entity, id));
        expectStatus(r, 200, "reading " + entity + " " + id + " as " + user.label());
        return body(r);
    }

    static void expectStatus(Response r, int status, String what) {
        if (r.statusCode() != status) {
            throw new AssertionError(what + ": expected " + status + ", got " + r.statusCode() + " " + r.asString());
        }
    }

    /** A refusal: the status, problem+json and the type that belongs to it. */
    static JsonNode expectProblem(Response r, int status, String what) {
        expectStatus(r, status, what);
        if (!r.contentType().startsWith(PROBLEM_JSON)) {
            throw new AssertionError(what + ": expected " + PROBLEM_JSON + ", got " + r.contentType());
        }
        JsonNode problem = body(r);
        String type = TYPE_BASE + switch (status) {
            case 400 -> "invalid-query";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 422 -> "validation";
            default -> throw new IllegalArgumentException("no problem type known for " + status);
        };
        if (!type.equals(problem.path("type").asText()) || problem.path("status").asInt() != status) {
            throw new AssertionError(what + ": expected problem type " + type + ", got " + problem);
        }
        return problem;
    }

    /** The 422 names the field with a JSON pointer and the violation code. */
    static void expectViolation(Response r, String pointer, String code, String what) {
        JsonNode problem = expectProblem(r, 422, what);
        for (JsonNode error : problem.path("errors")) {
            if (pointer.equals(error.path("pointer").asText()) && code.equals(error.path("code").asText())) {
                return;
            }
        }
        throw new AssertionError(what + ": expected a violation " + code + " at " + pointer + ", got " + problem);
    }

    static List<String> ids(Response r) {
        List<String> out = new java.util.ArrayList<>();
        body(r).path("items").forEach(item -> out.add(item.path("id").asText()));
        return out;
    }

    static String randomId() {
        return UUID.randomUUID().toString();
    }
}
