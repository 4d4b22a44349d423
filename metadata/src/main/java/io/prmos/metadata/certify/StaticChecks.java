package io.prmos.metadata.certify;

import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks that need only the manifest and its module set: what {@code prm certify} reports and
 * what the engine re-computes before it accepts a certificate. Both run exactly this code.
 */
public final class StaticChecks {

    private StaticChecks() {
    }

    /**
     * The manifest check from the problems validation found in this module's file, then, if it loaded,
     * labels, events, security and UI.
     *
     * @param module    the module, or null when it did not load
     * @param moduleSet the module set it was checked in (its required modules or their contracts), by name
     */
    public static List<CheckResult> run(String file, LoadedManifest module, List<ManifestProblem> problems,
                                        Map<String, LoadedManifest> moduleSet) {
        List<CheckResult> out = new ArrayList<>();
        List<Finding> findings = problems.stream().map(p -> Finding.fail(p.file() + ":" + p.line() + ":" + p.column() + " "
                + (p.pointer().isEmpty() ? "/" : p.pointer()), p.message())).toList();
        out.add(CheckResult.of(CheckIds.MANIFEST, CheckIds.title(CheckIds.MANIFEST), findings.isEmpty()
                ? file + " passes the JSON Schema and the semantic checks" : findings.size() + " problem(s) in " + file, findings));
        if (module == null || !problems.isEmpty()) {
            for (String id : List.of(CheckIds.LABELS, CheckIds.EVENTS, CheckIds.SECURITY, CheckIds.UI)) {
                out.add(CheckResult.skipped(id, CheckIds.title(id), "the manifest is not valid"));
            }
            return out;
        }
        out.add(LabelCheck.run(module));
        out.add(EventSchemaCheck.run(module));
        out.add(PermissionLint.run(module, moduleSet));
        out.add(UiCheck.run(module));
        return out;
    }
}
