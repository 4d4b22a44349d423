package io.prmos.engine.registry;

import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestProblem;
import java.util.List;

/**
 * A check of a submitted manifest that needs the running engine, beyond what the offline checker
 * can see (e.g. that the hooks it names are installed). Beans implementing it are asked for every
 * manifest of a publish; any problem refuses the publish with a 422 like the offline checks.
 */
public interface PublishCheck {

    List<ManifestProblem> check(LoadedManifest module);
}
