package io.prmos.hooks;

import java.util.Map;

/**
 * The code behind a custom action ({@code POST /api/v1/{module}/{entity}/{id}/actions/{name}}), declared
 * in the manifest with an input schema and the roles that may call it. Runs inside one transaction:
 * what it writes through {@link ActionContext#records} commits together or not at all.
 */
public interface ActionHook extends Hook {

    /** @return the action's result, returned to the caller as JSON */
    Map<String, Object> run(ActionContext context);
}
