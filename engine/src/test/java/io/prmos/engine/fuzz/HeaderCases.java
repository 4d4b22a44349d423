package io.prmos.engine.fuzz;

import io.prmos.engine.fuzz.HttpCase.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests whose headers are the attack: Content-Type and charset, Accept, If-Match, Authorization
 * schemes and malformed credentials, request ids, encodings, odd methods — on reads and writes.
 */
final class HeaderCases {

    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"", "application/json; charset=ISO-8859-1",
            "application/json; charset=utf-16", "application/json; charset=", "application/json; charset=utf-8; charset=latin1",
            "application/merge-patch+json", "application/problem+json", "text/plain", "text/csv", "application/xml",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "application/*", ";;;", "application/",
            "json", "application/json;;", "APPLICATION/JSON", "application/json; q=0.5", "application/json; boundary=\"");
    private static final List<String> ACCEPTS = List.of("application/json", "application/xml", "text/csv", "*/*", "text/html",
            "application/json;q=abc", "application/yaml", "image/png", ",,,", "application/problem+json");
    private static final List<String> IF_MATCH = List.of("\"1\"", "W/\"1\"", "*", "abc", "\"99999999999999999999\"", "-1", "\"",
            "", "\"1\", \"2\"", "W/", "\"\"", "1e3", "\"0\"", " \"1\" ");

    private final FuzzTargets targets;
    private final long seed;

    HeaderCases(FuzzTargets targets, long seed) {
        this.targets = targets;
        this.seed = seed;
    }

    HttpCase make(long index) {
        Hostile h = Seeds.hostile(seed, "headers", index);
        FuzzTargets.Target t = h.pick(targets.targets);
        String id = t.ids().isEmpty() ? "00000000-0000-0000-0000-000000000000" : h.pick(t.ids());
        String[] request = switch (h.between(0, 7)) {
            case 0, 1 -> new String[] {"GET", t.collection(), null};
            case 2 -> new String[] {"POST", t.collection(), "{\"name\":\"fuzz header\"}"};
            case 3 -> new String[] {"PATCH", t.collection() + "/" + id, "{}"};
            case 4 -> new String[] {"DELETE", t.collection() + "/" + id + (h.chance(0.5) ? "" : "x"), null};
            case 5 -> new String[] {"POST", t.collection() + "/bulk", "{\"operations\":[]}"};
            case 6 -> new String[] {h.pick(List.of("HEAD", "OPTIONS", "TRACE", "PROPFIND", "PUT")), t.collection(), null};
            default -> new String[] {"POST", "/api/v1/ui/views", "{\"entity\":\"x\"}"};
        };
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Authorization", authorization(h)));
        if (request[2] != null || h.chance(0.2)) {
            if (h.chance(0.85)) {
                headers.add(new Header("Content-Type", h.chance(0.8) ? h.pick(CONTENT_TYPES) : h.shortText()));
            }
        }
        if (h.chance(0.3)) {
            headers.add(new Header("Accept", h.chance(0.8) ? h.pick(ACCEPTS) : h.shortText()));
        }
        if (h.chance(0.35)) {
            headers.add(new Header("If-Match", h.chance(0.8) ? h.pick(IF_MATCH) : h.shortText()));
        }
        if (h.chance(0.15)) {
            headers.add(new Header("X-Request-Id", h.shortText()));
        }
        if (h.chance(0.05)) {
            headers.add(new Header("Content-Encoding", h.pick(List.of("gzip", "deflate", "br", "identity", "x"))));
        }
        if (h.chance(0.05)) {
            headers.add(new Header(h.pick(List.of("X-Forwarded-For", "X-Forwarded-Host", "Forwarded", "Origin", "Accept-Language", "Range")),
                    h.shortText()));
        }
        byte[] body = request[2] == null ? (h.chance(0.1) ? "{}".getBytes(StandardCharsets.UTF_8) : null)
                : h.chance(0.1) ? request[2].getBytes(StandardCharsets.UTF_16) : request[2].getBytes(StandardCharsets.UTF_8);
        return new HttpCase("headers", index, request[0], request[1], List.of(), headers.stream().map(HeaderCases::writable).toList(),
                body, false);
    }

    /** The header with the control characters an HTTP/1.1 client cannot write replaced, so the case reaches the server. */
    private static Header writable(Header header) {
        StringBuilder value = new StringBuilder(header.value().length());
        header.value().chars().forEach(c -> value.append((c < 0x20 && c != '\t') || c == 0x7f ? '~' : (char) c));
        return new Header(header.name(), value.toString());
    }

    private String authorization(Hostile h) {
        String manager = targets.manager();
        return switch (h.between(0, 12)) {
            case 0, 1, 2, 3, 4 -> manager;
            case 5 -> "Bearer " + h.mutate(manager.substring(7));
            case 6 -> h.pick(List.of("Bearer", "Bearer ", "bearer " + manager.substring(7), "BEARER " + manager.substring(7),
                    "Bearer  " + manager.substring(7), manager + " extra", "Basic dXNlcjpwYXNz", "Negotiate x", ""));
            case 7 -> h.pick(List.of("ApiKey", "ApiKey ", "ApiKey prm_x", "ApiKey prm_" + "z".repeat(32) + "_" + "x".repeat(43),
                    "apikey prm_00000000000000000000000000000000_" + "x".repeat(43), "ApiKey " + h.shortText()));
            case 8 -> "Bearer " + h.shortText();
            case 9 -> "Bearer " + manager.substring(7).replaceFirst("\\.[^.]*$", ".");
            case 10 -> "Bearer e30.e30.";
            case 11 -> "Bearer " + "a".repeat(h.between(1000, 40_000));
            default -> targets.tokens.get(h.pick(List.of("rep", "viewer", "other-tenant")));
        };
    }
}
