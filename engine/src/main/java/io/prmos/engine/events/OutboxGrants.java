package io.prmos.engine.events;

import io.prmos.engine.schema.DataRole;
import io.prmos.engine.sql.SqlIdentifier;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets the data role write events: the outbox is written on the record's own connection, which is
 * the data role's. Flyway cannot grant this (the role is created at start, its name is configuration),
 * so the grant runs at every start, before modules are published; granting twice is harmless.
 */
@ApplicationScoped
public class OutboxGrants {

    @ConfigProperty(name = "quarkus.datasource.app.username")
    String dataRole;

    @ConfigProperty(name = "quarkus.datasource.app.password")
    String dataRolePassword;

    @Inject
    Pool pool;

    void onStart(@Observes @Priority(100) StartupEvent event) {
        String role = SqlIdentifier.quote(dataRole);
        pool.withTransaction(c -> DataRole.ensure(c, dataRole, dataRolePassword)
                .flatMap(x -> c.query("GRANT USAGE ON SCHEMA prm_kernel TO " + role).execute())
                .flatMap(x -> c.query("GRANT SELECT, INSERT ON prm_kernel.event_outbox TO " + role).execute())
                .flatMap(x -> c.query("GRANT USAGE ON SEQUENCE prm_kernel.event_outbox_id_seq TO " + role).execute()))
                .await().atMost(Duration.ofMinutes(2));
    }
}
