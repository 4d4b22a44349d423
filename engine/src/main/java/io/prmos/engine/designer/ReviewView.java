package io.prmos.engine.designer;

import io.prmos.metadata.diff.Change;
import io.prmos.metadata.load.ManifestProblem;
import java.util.List;

/**
 * The review of a draft: the server's dry run as the designer shows it.
 *
 * @param from            the installed version, null for a new module
 * @param classification  none, cosmetic, additive or breaking
 * @param requiredVersion the lowest version the changes allow (the draft's own when it suffices)
 * @param consequences    what the author must confirm before the designer writes directives and the version
 * @param refusals        why the pipeline would refuse the draft as it stands (one sentence each)
 * @param sql             the migration plan of the dry run (empty unless the draft is publishable)
 * @param warnings        installed modules that depend on what a breaking change touches
 * @param publishable     the dry run passed: publishing now would apply {@code sql}
 */
public record ReviewView(String module, String from, String to, String classification, String requiredVersion,
                         List<Change> changes, List<Consequence> consequences, List<String> refusals, List<String> sql,
                         List<String> warnings, List<ManifestProblem> problems, boolean publishable) {
}
