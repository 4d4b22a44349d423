package io.prmos.engine.registry;

import io.prmos.metadata.load.ManifestProblem;
import java.util.List;

/**
 * A publish refused before anything changed: invalid manifests (every problem, located), or a
 * change the rules do not allow (every refusal, explained).
 */
public final class PublishException extends RuntimeException {

    public enum Kind { INVALID, REFUSED, NOT_FOUND, UNCERTIFIED }

    private final Kind kind;
    private final List<ManifestProblem> problems;
    private final List<String> refusals;

    private PublishException(Kind kind, String message, List<ManifestProblem> problems, List<String> refusals) {
        super(message, null, false, false);
        this.kind = kind;
        this.problems = List.copyOf(problems);
        this.refusals = List.copyOf(refusals);
    }

    public static PublishException invalid(List<ManifestProblem> problems) {
        return new PublishException(Kind.INVALID, problems.size() + " problem(s) in the manifests", problems, List.of());
    }

    public static PublishException refused(List<String> refusals) {
        return new PublishException(Kind.REFUSED, refusals.size() + " change(s) are not allowed", List.of(), refusals);
    }

    /** A certificate that does not certify what was submitted, or none where the engine requires one. */
    public static PublishException uncertified(List<String> reasons) {
        return new PublishException(Kind.UNCERTIFIED, reasons.size() == 1 ? reasons.get(0)
                : reasons.size() + " certification problem(s)", List.of(), reasons);
    }

    public static PublishException notFound(String message) {
        return new PublishException(Kind.NOT_FOUND, message, List.of(), List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<ManifestProblem> problems() {
        return problems;
    }

    public List<String> refusals() {
        return refusals;
    }
}
