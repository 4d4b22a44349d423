package io.prmos.metadata.certify;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of one check of the checklist.
 *
 * @param id      stable id: manifest, labels, events, api, security, performance, documentation, ui, tests
 * @param summary one sentence on what was checked and found
 */
public record CheckResult(String id, String title, CheckStatus status, String summary, List<Finding> findings) {

    public CheckResult {
        findings = List.copyOf(findings);
    }

    /** A result whose status follows from its findings: FAIL if any fails, WARN if any warns, else PASS. */
    public static CheckResult of(String id, String title, String summary, List<Finding> findings) {
        CheckStatus status = CheckStatus.PASS;
        for (Finding finding : findings) {
            status = status.and(finding.severity());
        }
        return new CheckResult(id, title, status, summary, findings);
    }

    public static CheckResult skipped(String id, String title, String reason) {
        return new CheckResult(id, title, CheckStatus.SKIP, reason, List.of());
    }

    /** This result with more findings (e.g. the scenarios' emitted events added to the static event check). */
    public CheckResult with(String summary, List<Finding> more) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        CheckResult merged = of(id, title, summary, all);
        return status == CheckStatus.SKIP && more.isEmpty() ? this : merged;
    }
}
