package io.prmos.engine.hostile;

import static io.prmos.engine.hostile.Refusals.refused;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 8: protocol edges. Oversized requests and URIs answer problem+json; a body is
 * JSON only when it says so in UTF-8; duplicate keys are refused; system columns in a body are
 * read-only (422) like every other field the caller cannot set.
 */
@QuarkusTest
class ProtocolEdgeSpec {

    static final String PARTNERS = "/api/v1/partners/partner";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static String prefix() {
        return "p" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /** A request the way a raw client sends it: no Content-Type unless given. */
    static HttpResponse<String> raw(String method, String path, String contentType, String body) throws Exception {
        return raw(method, path, contentType, body, false);
    }

    static HttpResponse<String> raw(String method, String path, String contentType, String body, boolean expectContinue) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .expectContinue(expectContinue)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", Tokens.bearer("alice"))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void problem(String what, int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                what + ": " + response.headers().map() + " " + response.body());
        assertTrue(response.body().contains("\"status\":" + status), what + ": " + response.body());
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJson() throws Exception {
        // a client that waits for "100 Continue" gets the 413 before it sends the body; written on a
        // socket because java.net.http's expect-continue may wait forever for a 100 that never comes
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            String head = "POST " + PARTNERS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + Tokens.bearer("alice")
                    + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " + (11 * 1024 * 1024)
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = oneResponse(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("\"status\":413"), answer);
        }
    }

    /** One HTTP/1.1 response read by its Content-Length, without waiting for the connection to close. */
    private static String oneResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(headers);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void aUriOverTheLimitIs414ProblemJson() throws Exception {
        problem("414", 414, raw("GET", PARTNERS + "?filter=" + "a".repeat(20_000), null, null));
        problem("414 path", 414, raw("GET", "/api/v1/" + "a".repeat(20_000), null, null));
    }

    @Test
    void headersOverTheLimitAre431ProblemJson() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + PARTNERS))
                .header("Authorization", Tokens.bearer("alice")).header("X-Padding", "p".repeat(30_000)).GET().build();
        problem("431", 431, HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aBodyWithoutContentTypeIs415() throws Exception {
        String p = prefix();
        problem("create", 415, raw("POST", PARTNERS, null, "{\"name\":\"" + p + "untyped\"}"));
        problem("bulk", 415, raw("POST", PARTNERS + "/bulk", null, "{\"operations\":[]}"));
        problem("api key", 415, raw("POST", "/api/admin/api-keys", null, "{\"name\":\"" + p + "\",\"roles\":[\"partner_viewer\"]}"));
        problem("saved view", 415, raw("POST", "/api/v1/ui/views", null, "{\"entity\":\"partners.Partner\",\"name\":\"" + p + "\"}"));
        given().queryParam("filter", "name startsWith '" + p + "'").get(PARTNERS).then().statusCode(200).body("items", empty());
        // no body and no type is still fine where no body is expected
        given().header("Authorization", Tokens.bearer("alice")).get(PARTNERS).then().statusCode(200);
    }

    @Test
    void aBodyInAnotherCharsetIs415() throws Exception {
        String p = prefix();
        for (String type : List.of("application/json; charset=ISO-8859-1", "application/json;charset=utf-16",
                "application/json; charset=windows-1252", "application/json; charset=\"latin1\"")) {
            problem(type, 415, raw("POST", PARTNERS, type, "{\"name\":\"" + p + "latin\"}"));
        }
        given().queryParam("filter", "name startsWith '" + p + "'").get(PARTNERS).then().statusCode(200).body("items", empty());
        for (String type : List.of("application/json; charset=utf-8", "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"")) {
            assertEquals(201, raw("POST", PARTNERS, type, "{\"name\":\"" + p + "utf8\"}").statusCode(), type);
        }
    }

    @Test
    void duplicateKeysAreRefused() {
        String p = prefix();
        refused("record", 400, given().contentType("application/json").body("{\"name\":\"" + p + "a\",\"name\":\"" + p + "b\"}").post(PARTNERS))
                .then().body("type", equalTo("https://prmos.io/problems/malformed-json"));
        refused("nested", 400, given().contentType("application/json")
                .body("{\"name\":\"" + p + "c\",\"annual_target\":{\"amount\":1,\"amount\":2,\"currency\":\"EUR\"}}").post(PARTNERS));
        refused("bulk", 400, given().contentType("application/json")
                .body("{\"operations\":[{\"op\":\"create\",\"op\":\"update\",\"data\":{\"name\":\"" + p + "d\"}}]}").post(PARTNERS + "/bulk"));
        refused("api key", 400, given().contentType("application/json")
                .body("{\"name\":\"" + p + "\",\"roles\":[\"partner_viewer\"],\"roles\":[\"admin\"]}").post("/api/admin/api-keys"));
        refused("saved view", 400, given().contentType("application/json")
                .body("{\"entity\":\"partners.Partner\",\"name\":\"a\",\"name\":\"b\"}").post("/api/v1/ui/views"));
        given().queryParam("filter", "name startsWith '" + p + "'").get(PARTNERS).then().statusCode(200).body("items", empty());
    }

    @Test
    void systemColumnsInABodyAre422ReadOnlyLikeUrnAndPublicId() {
        String p = prefix();
        String id = given().contentType("application/json").body("{\"name\":\"" + p + "sys\"}").post(PARTNERS).then().statusCode(201)
                .extract().path("id");
        for (String column : List.of("id", "tenant_id", "version", "created_at", "created_by", "updated_at", "updated_by",
                "deleted_at", "urn", "public_id")) {
            String body = "{\"name\":\"" + p + "x\",\"" + column + "\":\"globex\"}";
            Response created = given().contentType("application/json").body(body).post(PARTNERS);
            refused("create with " + column, 422, created).then()
                    .body("errors.pointer", hasItem("/" + column)).body("errors.code", hasItem("readOnly"));
            refused("patch with " + column, 422, given().contentType("application/json").body("{\"" + column + "\":\"x\"}")
                    .patch(PARTNERS + "/" + id));
            refused("put with " + column, 422, given().contentType("application/json").body(body).put(PARTNERS + "/" + id));
            refused("bulk with " + column, 422, given().contentType("application/json")
                    .body("{\"operations\":[{\"op\":\"create\",\"data\":" + body + "}]}").post(PARTNERS + "/bulk"))
                    .then().body("errors.pointer", hasItem("/operations/0/data/" + column));
        }
        given().queryParam("filter", "name startsWith '" + p + "x'").get(PARTNERS).then().statusCode(200).body("items", empty());
        given().get(PARTNERS + "/" + id).then().statusCode(200).body("version", equalTo(1)).body("name", equalTo(p + "sys"));
    }
}
