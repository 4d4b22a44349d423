package io.prmos.cli.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.prmos.cli.CliFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Sends requests and turns every transport failure into a one-line {@link CliFailure#server}. */
public final class Http {

    /** Lenient on unknown properties, so that a newer server does not break an older CLI. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** For files and {@code --output json}: indented, for people reading them. */
    public static final ObjectWriter PRETTY = JSON.writerWithDefaultPrettyPrinter();

    public static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient client;

    public Http() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build());
    }

    public Http(HttpClient client) {
        this.client = client;
    }

    public HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw unreachable(request.uri(), "connection timed out");
        } catch (HttpTimeoutException e) {
            throw CliFailure.server("no answer from " + origin(request.uri()) + " within " + REQUEST_TIMEOUT.toSeconds() + "s");
        } catch (ConnectException e) {
            throw unreachable(request.uri(), "connection refused");
        } catch (IOException e) {
            throw unreachable(request.uri(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.server("interrupted while talking to " + origin(request.uri()));
        } catch (IllegalArgumentException e) {
            throw CliFailure.user("invalid server URL " + request.uri() + ": " + e.getMessage());
        }
    }

    public static URI uri(String text) {
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("expected http://host[:port]");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw CliFailure.user("invalid URL '" + text + "': " + e.getMessage());
        }
    }

    /** An {@code application/x-www-form-urlencoded} body. */
    public static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.BodyPublishers.ofString(body);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static CliFailure unreachable(URI uri, String reason) {
        return CliFailure.server("cannot reach " + origin(uri) + ": " + reason);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
