package io.prmos.metadata.certify;

import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.PermissionSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The module folder has a README that names its entities (by name or label), the custom events it
 * publishes and the roles it declares or grants: the least a team adopting the module must find.
 */
public final class DocumentationCheck {

    public static final String README = "README.md";

    private DocumentationCheck() {
    }

    /** {@code readme} is the text of the module folder's README.md, empty when there is none. */
    public static CheckResult run(LoadedManifest loaded, Optional<String> readme) {
        String title = CheckIds.title(CheckIds.DOCUMENTATION);
        String folder = loaded.file().contains("/") ? loaded.file().substring(0, loaded.file().lastIndexOf('/') + 1) : "";
        if (readme.isEmpty() || readme.get().isBlank()) {
            return CheckResult.of(CheckIds.DOCUMENTATION, title, "no README",
                    List.of(Finding.fail(folder + README, "the module folder has no " + README)));
        }
        String text = readme.get().toLowerCase(Locale.ROOT);
        List<Finding> findings = new ArrayList<>();
        for (EntityDef entity : loaded.manifest().entities().values()) {
            if (!mentions(text, entity.name()) && !mentions(text, entity.label()) && !mentions(text, entity.pluralLabel())) {
                findings.add(Finding.fail(folder + README, "does not name the entity " + entity.name()));
            }
        }
        for (String event : loaded.manifest().events().publishes().keySet()) {
            if (!mentions(text, event)) {
                findings.add(Finding.fail(folder + README, "does not name the event " + loaded.manifest().module() + "." + event));
            }
        }
        for (String role : roles(loaded)) {
            if (!mentions(text, role)) {
                findings.add(Finding.fail(folder + README, "does not name the role " + role));
            }
        }
        return CheckResult.of(CheckIds.DOCUMENTATION, title, folder + README + " checked for "
                + loaded.manifest().entities().size() + " entities, " + loaded.manifest().events().publishes().size()
                + " events and " + roles(loaded).size() + " roles", findings);
    }

    private static Set<String> roles(LoadedManifest loaded) {
        Set<String> roles = new LinkedHashSet<>(loaded.manifest().roles().keySet());
        loaded.manifest().permissions().stream().map(PermissionSet::role).forEach(roles::add);
        return roles;
    }

    private static boolean mentions(String text, String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        return Pattern.compile("(?<![a-z0-9_])" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "(?![a-z0-9_])").matcher(text).find();
    }
}
