package io.prmos.metadata.check;

import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.model.Manifest;
import java.util.Map;

/** What a rule needs while checking one module: the module, the set it belongs to, and the sink. */
record ModuleContext(LoadedManifest loaded, Map<String, LoadedManifest> moduleSet, Problems problems) {

    Manifest manifest() {
        return loaded.manifest();
    }

    void atKey(String pointer, String message) {
        problems.atKey(loaded, pointer, message);
    }

    void atValue(String pointer, String message) {
        problems.atValue(loaded, pointer, message);
    }
}
