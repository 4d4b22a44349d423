package io.prmos.engine.events.webhook;

import io.prmos.engine.registry.CatalogHolder;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.model.EventsDef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Keeps the subscriptions declared in manifests ({@code events.webhooks}) in step with the active
 * catalog: added or changed on publish, deactivated when a module stops declaring them. Their secret
 * (and the URL when written as {@code ${NAME}}) is read from configuration — an environment variable
 * or a property — so no secret is ever written in a manifest. A webhook whose reference is not set is
 * skipped with an error in the log.
 */
@ApplicationScoped
public class ManifestWebhooks {

    private static final Logger LOG = Logger.getLogger(ManifestWebhooks.class);
    private static final Pattern REFERENCE = Pattern.compile("^\\$\\{([A-Za-z0-9_.-]+)}$");

    @Inject
    CatalogHolder catalogs;

    @Inject
    Pool pool;

    private volatile String syncedFingerprint = "";

    /** Brings the table in line with the active catalog if it changed since the last call. */
    public Uni<Void> synced() {
        Catalog catalog = catalogs.current();
        if (catalog.fingerprint().equals(syncedFingerprint)) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> upserts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (ModuleDescriptor module : catalog.modules()) {
            for (EventsDef.Webhook hook : module.manifest().events().webhooks()) {
                Optional<String> secret = resolve(hook.secret());
                Optional<String> url = resolve(hook.url());
                if (secret.isEmpty() || url.isEmpty() || !WebhookSignature.isValidSecret(secret.get())) {
                    LOG.errorf("webhook %s/%s skipped: its secret (%s) or URL (%s) is not configured, or the secret is not whsec_<base64>",
                            module.name(), hook.name(), hook.secret(), hook.url());
                    continue;
                }
                keys.add(module.name() + "/" + hook.name());
                UUID id = UUID.nameUUIDFromBytes(("manifest-webhook/" + module.name() + "/" + hook.name()).getBytes(StandardCharsets.UTF_8));
                upserts.add(Tuple.tuple().addUUID(id).addString(hook.tenant().orElse(null)).addString(hook.name())
                        .addString(hook.events()).addString(url.get()).addString(secret.get()).addString(module.name()));
            }
        }
        Uni<Void> retire = pool.preparedQuery(WebhookStatements.MANIFEST_RETIRE).execute(Tuple.of(keys.toArray(String[]::new))).replaceWithVoid();
        Uni<Void> upsert = upserts.isEmpty() ? Uni.createFrom().voidItem()
                : pool.preparedQuery(WebhookStatements.MANIFEST_UPSERT).executeBatch(upserts).replaceWithVoid();
        return retire.flatMap(x -> upsert).invoke(() -> syncedFingerprint = catalog.fingerprint());
    }

    static Optional<String> resolve(String value) {
        Matcher m = REFERENCE.matcher(value);
        if (!m.matches()) {
            return Optional.of(value);
        }
        return ConfigProvider.getConfig().getOptionalValue(m.group(1), String.class);
    }
}
