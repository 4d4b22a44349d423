package io.prmos.engine.api;

import java.util.List;

/** A problem the API reports on purpose; mapped to problem+json as is. */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.Error> errors;

    public ApiProblem(int status, String type, String title, String detail, List<Problem.Error> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not found", detail, List.of());
    }

    public static ApiProblem badRequest(String type, String detail) {
        return new ApiProblem(400, type, "Bad request", detail, List.of());
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + type, title, status, getMessage(), instance, errors);
    }

    public int status() {
        return status;
    }
}
