package io.prmos.metadata.certify;

import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.Position;

/** Where a finding in a manifest is: {@code file:line:column pointer}. */
final class Locations {

    private Locations() {
    }

    static String at(LoadedManifest manifest, String pointer) {
        Position p = manifest.sourceMap().keyAt(pointer);
        return manifest.file() + ":" + p.line() + ":" + p.column() + " " + (pointer.isEmpty() ? "/" : pointer);
    }
}
