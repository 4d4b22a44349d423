package io.prmos.cli.client;

import java.util.List;

/** One installed module version, as {@code GET /api/admin/modules} and its history list it. */
public record InstalledModule(String module, String version, String status, String installedAt,
                              String installedBy, String checksum) {

    /** The {@code {"items": [...]}} envelope. */
    public record Page(List<InstalledModule> items) {
        public Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
