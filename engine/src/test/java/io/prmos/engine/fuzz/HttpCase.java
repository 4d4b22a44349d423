package io.prmos.engine.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One generated HTTP request, kept in parts (query parameters, headers, body) so a failing case can
 * be shrunk part by part and printed as a curl command.
 *
 * @param area   which generator made it (filters, cursors, bodies, headers, claims, manifests)
 * @param index  the case number within its area; with the seed it regenerates the case
 * @param body   the raw body bytes, or null for none
 * @param json   whether the body is JSON text the shrinker may edit structurally
 */
record HttpCase(String area, long index, String method, String path, List<Param> query, List<Header> headers, byte[] body,
                boolean json) {

    /** A query parameter; {@code raw} values are sent as they are (to send broken percent-escapes). */
    record Param(String name, String value, boolean raw) {
        static Param of(String name, String value) {
            return new Param(name, value, false);
        }
    }

    record Header(String name, String value) {
    }

    static HttpCase get(String area, long index, String path, List<Param> query, List<Header> headers) {
        return new HttpCase(area, index, "GET", path, query, headers, null, false);
    }

    static HttpCase withBody(String area, long index, String method, String path, List<Param> query, List<Header> headers,
                             String body) {
        return new HttpCase(area, index, method, path, query, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8), true);
    }

    String uri() {
        StringBuilder out = new StringBuilder(path);
        for (int i = 0; i < query.size(); i++) {
            Param p = query.get(i);
            out.append(i == 0 ? '?' : '&').append(Encoding.component(p.name())).append('=')
                    .append(p.raw() ? p.value() : Encoding.component(p.value()));
        }
        return out.toString();
    }

    HttpCase withQuery(List<Param> params) {
        return new HttpCase(area, index, method, path, params, headers, body, json);
    }

    HttpCase withHeaders(List<Header> list) {
        return new HttpCase(area, index, method, path, query, list, body, json);
    }

    HttpCase withBody(byte[] bytes, boolean isJson) {
        return new HttpCase(area, index, method, path, query, headers, bytes, isJson);
    }

    /** A curl command that sends the same request (the token is abbreviated; see {@link #headers()} for it). */
    String curl() {
        StringBuilder out = new StringBuilder("curl -i -X ").append(method);
        for (Header h : headers) {
            String value = h.name().equalsIgnoreCase("Authorization") && h.value().length() > 60
                    ? h.value().substring(0, 60) + "…(token, " + h.value().length() + " chars)" : h.value();
            out.append(" -H ").append(shellQuote(h.name() + ": " + value));
        }
        if (body != null) {
            String text = Encoding.strictUtf8(body);
            if (body.length > 2000) {
                out.append(" --data-binary @body.bin  # ").append(body.length).append(" bytes, starting ")
                        .append(printfEscape(java.util.Arrays.copyOf(body, 200)));
            } else if (text != null && text.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
                out.append(" --data-binary ").append(shellQuote(text));
            } else {
                out.append(" --data-binary \"$(printf '").append(printfEscape(body)).append("')\"");
            }
        }
        String uri = uri();
        out.append(" 'http://localhost:8080").append(uri.length() > 3000 ? uri.substring(0, 3000) + "…(" + uri.length() + " chars)" : uri.replace("'", "'\\''")).append("'");
        return out.toString();
    }

    private static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String printfEscape(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\' && c != '%') {
                out.append((char) c);
            } else {
                out.append("\\x").append(HexFormat.of().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    /** Simpler variants of this case, most aggressive first: fewer parameters, headers, body parts; shorter texts. */
    List<HttpCase> simpler() {
        List<HttpCase> out = new ArrayList<>();
        for (int i = 0; i < query.size(); i++) {
            List<Param> fewer = new ArrayList<>(query);
            fewer.remove(i);
            out.add(withQuery(fewer));
        }
        for (int i = 0; i < query.size(); i++) {
            Param p = query.get(i);
            for (String shorter : Shrinking.shorter(p.value())) {
                List<Param> changed = new ArrayList<>(query);
                changed.set(i, new Param(p.name(), shorter, p.raw()));
                out.add(withQuery(changed));
            }
        }
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).name().equalsIgnoreCase("Authorization")) {
                continue;
            }
            List<Header> fewer = new ArrayList<>(headers);
            fewer.remove(i);
            out.add(withHeaders(fewer));
        }
        if (body != null) {
            out.addAll(Shrinking.bodies(this));
        }
        return out;
    }
}
