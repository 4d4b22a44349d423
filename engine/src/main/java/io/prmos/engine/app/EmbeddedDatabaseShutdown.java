package io.prmos.engine.app;

import io.prmos.engine.db.EmbeddedPostgresServer;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;

/** Stops the embedded PostgreSQL (if one was started) after everything else has shut down. */
@ApplicationScoped
public class EmbeddedDatabaseShutdown {

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        EmbeddedPostgresServer.stop();
    }
}
