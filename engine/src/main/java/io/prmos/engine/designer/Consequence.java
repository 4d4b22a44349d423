package io.prmos.engine.designer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One consequence of a draft the author must confirm before the designer writes what the pipeline
 * demands: a breaking change in plain words and, when the manifest must say so, the {@code drop}
 * directive to add; or the new version number.
 *
 * @param kind         the change kind ({@code FIELD_REMOVED}, ...) or {@code VERSION}
 * @param sentence     what happens, in words the author confirms
 * @param drop         the body of the {@code migrations: - drop:} item to write, or null
 * @param version      for {@code VERSION}: the version to write
 * @param acknowledged the manifest already says so (a {@code renamedFrom} or a drop is present)
 * @param blocking     cannot be confirmed: the draft must change instead (e.g. a type narrowed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Consequence(String kind, String target, String sentence, Map<String, Object> drop, String version,
                          boolean acknowledged, boolean blocking) {
}
