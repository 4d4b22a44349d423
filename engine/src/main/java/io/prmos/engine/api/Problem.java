package io.prmos.engine.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable and documented; {@code errors} lists
 * per-field or per-parameter violations when there are any.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Error> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://prmos.io/problems/";

    /** One violation: a JSON pointer into the body, or the query parameter at fault. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String pointer, String parameter, String code, String message) {
    }
}
