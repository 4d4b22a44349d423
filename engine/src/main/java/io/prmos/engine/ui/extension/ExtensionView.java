package io.prmos.engine.ui.extension;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.model.ModuleUi;
import io.prmos.metadata.model.Navigation;
import java.util.List;
import java.util.Map;

/**
 * The {@code extensions} part of the UI metadata: for each module whose active version has a bundle,
 * its URL and the pages and widgets the caller's roles allow (a declaration without roles is for every
 * signed-in user). A module the caller may see nothing of is left out, so its bundle is never loaded.
 */
public final class ExtensionView {

    private ExtensionView() {
    }

    /** The path the shell imports a bundle from. */
    public static String url(String module, String hash) {
        return "/api/v1/ui/extensions/" + module + "/" + hash + ".js";
    }

    public static ArrayNode of(Catalog catalog, Caller caller, Map<String, String> bundleHashes) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (ModuleDescriptor module : catalog.modules()) {
            String hash = bundleHashes.get(module.name());
            ModuleUi ui = module.manifest().ui();
            if (hash == null || ui == null) {
                continue;
            }
            Navigation nav = module.manifest().navigation().orElse(new Navigation("main", module.manifest().title(), null, 0));
            ArrayNode pages = JsonNodeFactory.instance.arrayNode();
            for (ModuleUi.PageExtension page : ui.pages()) {
                if (allowed(page.roles(), caller)) {
                    pages.addObject().put("name", page.name())
                            .put("title", page.title().orElse(io.prmos.metadata.naming.Names.humanize(page.name().replace('-', '_'))))
                            .put("icon", page.icon().orElse(nav.icon()))
                            .put("section", nav.section())
                            .put("route", "/x/" + module.name() + "/" + page.name());
                }
            }
            ArrayNode widgets = JsonNodeFactory.instance.arrayNode();
            for (ModuleUi.WidgetExtension widget : ui.widgets()) {
                if (allowed(widget.roles(), caller)) {
                    ObjectNode node = widgets.addObject().put("name", widget.name())
                            .put("title", widget.title().orElse(io.prmos.metadata.naming.Names.humanize(widget.name().replace('-', '_'))));
                    widget.slots().forEach(node.putArray("slots")::add);
                    widget.props().forEach(node.putArray("props")::add);
                }
            }
            if (!pages.isEmpty() || !widgets.isEmpty()) {
                ObjectNode node = out.addObject().put("module", module.name()).put("url", url(module.name(), hash));
                node.set("pages", pages);
                node.set("widgets", widgets);
            }
        }
        return out;
    }

    private static boolean allowed(List<String> roles, Caller caller) {
        return roles.isEmpty() || roles.stream().anyMatch(caller.roles()::contains);
    }
}
