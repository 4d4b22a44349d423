package io.prmos.metadata.certify;

import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.EntityDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Every entity and field carries an explicit {@code label} and {@code description}: the UI, the API
 * documentation and agents' tool descriptions show them, and a humanized name is not a description.
 */
final class LabelCheck {

    private LabelCheck() {
    }

    static CheckResult run(LoadedManifest loaded) {
        List<Finding> findings = new ArrayList<>();
        int fields = 0;
        for (EntityDef entity : loaded.manifest().entities().values()) {
            String at = Pointer.of("entities", entity.name());
            missing(loaded, at, "entity " + entity.name(), findings);
            for (String field : entity.fields().keySet()) {
                fields++;
                missing(loaded, at + Pointer.of("fields", field), "field " + entity.name() + "." + field, findings);
            }
        }
        int entities = loaded.manifest().entities().size();
        String summary = findings.isEmpty()
                ? entities + " entities and " + fields + " fields are labelled and described"
                : findings.size() + " label(s) or description(s) missing among " + entities + " entities and " + fields + " fields";
        return CheckResult.of(CheckIds.LABELS, CheckIds.title(CheckIds.LABELS), summary, findings);
    }

    private static void missing(LoadedManifest loaded, String pointer, String what, List<Finding> findings) {
        for (String key : List.of("label", "description")) {
            if (!loaded.sourceMap().contains(pointer + "/" + key)) {
                findings.add(Finding.fail(Locations.at(loaded, pointer), what + " has no " + key));
            }
        }
    }
}
