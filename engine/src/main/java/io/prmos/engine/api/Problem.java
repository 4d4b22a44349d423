package io.prmos.engine.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable and documented; {@code errors} lists
 * per-field or per-parameter violations when there are any; {@code position} is the 0-based offset of
 * a syntax error in a filter or sort text.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Error> errors,
                      Integer position) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://prmos.io/problems/";

    public Problem(String type, String title, int status, String detail, String instance, List<Error> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    /** One violation: a JSON pointer into the body, or the query parameter at fault. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String pointer, String parameter, String code, String message) {
    }
}
