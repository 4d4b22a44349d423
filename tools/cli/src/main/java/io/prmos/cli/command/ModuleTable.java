package io.prmos.cli.command;

import io.prmos.cli.client.InstalledModule;
import io.prmos.cli.render.Table;
import java.util.List;

/** The table {@code status} and {@code history} print. */
final class ModuleTable {

    private ModuleTable() {
    }

    static Table of(List<InstalledModule> modules) {
        Table table = new Table("MODULE", "VERSION", "STATUS", "INSTALLED AT", "BY", "CHECKSUM");
        for (InstalledModule m : modules) {
            String checksum = m.checksum() == null ? null : m.checksum().substring(0, Math.min(12, m.checksum().length()));
            table.row(m.module(), m.version(), m.status(), m.installedAt(), m.installedBy(), checksum);
        }
        return table;
    }
}
