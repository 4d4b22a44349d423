package io.prmos.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prmos.engine.json.Texts;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Screens every HTTP request before routing, authentication or body reading, and answers what it
 * refuses as problem+json (the framework would answer with an empty body or not at all):
 * <ol>
 *   <li>a URI longer than {@link #MAX_URI} characters: 414; headers over {@link #MAX_HEADERS} bytes: 431;</li>
 *   <li>a percent-encoded NUL ({@code %00}) anywhere in the path or query: 400 — PostgreSQL cannot
 *       store U+0000, and no parameter, path segment or module name may carry one;</li>
 *   <li>a declared body ({@code Content-Length}) over {@code quarkus.http.limits.max-body-size}: 413;</li>
 *   <li>a body without {@code Content-Type}, or in another charset than UTF-8 (JSON is UTF-8, RFC 8259): 415.</li>
 * </ol>
 * It runs just before Quarkus's own body-size check (route order -2), which it makes unreachable
 * for declared lengths; bodies sent without a length are still cut off there.
 */
@ApplicationScoped
public class RequestGate {

    /** Longest URI (path and query) answered; the HTTP decoder's own line limit is set well above it. */
    static final int MAX_URI = 16_384;
    /** Largest header block answered (Quarkus's default limit); the decoder's own limit is set well above it. */
    static final int MAX_HEADERS = 20_480;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<HttpMethod> WITH_BODY = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBody;

    void register(@Observes Router router) {
        router.route().order(-3).handler(this::screen);
    }

    private void screen(RoutingContext context) {
        HttpServerRequest request = context.request();
        Problem problem = headProblem(request);
        if (problem == null && WITH_BODY.contains(request.method())) {
            problem = bodyProblem(request);
        }
        if (problem == null) {
            context.next();
            return;
        }
        if (problem.status() == 413) {
            // the rest of an oversized body is not read; the connection cannot be reused
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        send(context, problem);
    }

    private Problem headProblem(HttpServerRequest request) {
        String uri = request.uri();
        String path = instance(request);
        if (uri.length() > MAX_URI) {
            return new Problem(Problem.TYPE_BASE + "http-414", "URI Too Long", 414,
                    "the URI has " + uri.length() + " characters; at most " + MAX_URI + " are accepted (send long filters in several requests)",
                    path, List.of());
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADERS) {
            return new Problem(Problem.TYPE_BASE + "http-431", "Request Header Fields Too Large", 431,
                    "the headers have " + headerBytes + " bytes; at most " + MAX_HEADERS + " are accepted", path, List.of());
        }
        if (uri.contains("%00")) {
            String parameter = nulParameter(request);
            return new Problem(Problem.TYPE_BASE + "invalid-character", "Bad request", 400,
                    (parameter == null ? "the path " : "the parameter " + parameter + " ") + Texts.NUL, path,
                    List.of(new Problem.Error(null, parameter == null ? "path" : parameter, "character", Texts.NUL)));
        }
        return null;
    }

    /** The first query parameter whose name or value holds a NUL, or null when it is in the path. */
    private static String nulParameter(HttpServerRequest request) {
        int query = request.uri().indexOf('?');
        if (query < 0 || request.uri().indexOf("%00") < query) {
            return null;
        }
        try {
            for (Map.Entry<String, String> entry : request.params()) {
                if (entry.getKey().indexOf('\u0000') >= 0 || entry.getValue().indexOf('\u0000') >= 0) {
                    return entry.getKey().replace('\u0000', '?');
                }
            }
        } catch (RuntimeException e) {
            // a query that does not decode: name no parameter
        }
        return "query";
    }

    private Problem bodyProblem(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared = declaredLength(length);
        if (declared > maxBody.asLongValue()) {
            return new Problem(Problem.TYPE_BASE + "http-413", "Content Too Large", 413,
                    "the body has " + declared + " bytes; at most " + maxBody.asLongValue() + " are accepted", instance(request), List.of());
        }
        boolean hasBody = declared > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (!hasBody) {
            return null;
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || type.isBlank()) {
            return unsupported(request, "a request body needs a Content-Type (application/json)");
        }
        String charset = charset(type);
        if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
            return unsupported(request, "bodies must be UTF-8 (charset=utf-8 or no charset), not " + charset);
        }
        return null;
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return 0; // the HTTP decoder refuses a malformed length before this runs
        }
    }

    /** The charset parameter of a media type, lower case and unquoted; null when there is none. */
    static String charset(String contentType) {
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                String value = pair[1].trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static Problem unsupported(HttpServerRequest request, String detail) {
        return new Problem(Problem.TYPE_BASE + "http-415", "Unsupported Media Type", 415, detail, instance(request), List.of());
    }

    /** The problem's instance: the path as sent, cut short so a refused URI is not echoed whole. */
    private static String instance(HttpServerRequest request) {
        String path = request.path() == null ? "" : request.path();
        return path.length() > 256 ? path.substring(0, 256) + "…" : path;
    }

    static void send(RoutingContext context, Problem problem) {
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }
}
