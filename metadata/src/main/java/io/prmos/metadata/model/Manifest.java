package io.prmos.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A module manifest after schema validation. The {@code hooks} section is kept as validated JSON
 * until its own model lands.
 *
 * @param roles       roles this module declares, by name; roles are global, so two modules may declare the same one
 * @param permissions what this module grants, one set per role, in manifest order
 * @param migrations  explicit acknowledgements of data loss when publishing over an installed version
 * @param events      custom events published, events subscribed to, declared webhooks ({@link EventsDef#none()} when absent)
 * @param links       link types this module declares, by name
 * @param automations event-triggered actions run after commit (docs/rules.md#automations)
 * @param ui          module-level UI contributions (slots); {@link ModuleUi#NONE} when absent
 * @param agents      agents this module declares, by name (docs/agents.md)
 */
public record Manifest(
        String apiVersion,
        String module,
        SemVer version,
        String title,
        String description,
        Map<String, String> requires,
        Map<String, DictionaryDef> dictionaries,
        Map<String, EntityDef> entities,
        Map<String, RoleDef> roles,
        Optional<Navigation> navigation,
        List<PermissionSet> permissions,
        List<MigrationDirective> migrations,
        EventsDef events,
        Optional<JsonNode> hooks,
        Map<String, AgentDef> agents,
        Map<String, LinkTypeDef> links,
        List<Automation> automations,
        ModuleUi ui) {

    /**
     * This manifest with a tenant's overlay applied: other dictionaries, entities and permissions,
     * everything else unchanged. Copies go through here so a new component is added in one place.
     */
    public Manifest withOverlay(Map<String, DictionaryDef> dictionaries, Map<String, EntityDef> entities,
                                List<PermissionSet> permissions) {
        return new Manifest(apiVersion, module, version, title, description, requires, dictionaries, entities, roles,
                navigation, permissions, migrations, events, hooks, agents, links, automations, ui);
    }
}
