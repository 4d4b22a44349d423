package io.prmos.engine.audit;

import io.prmos.engine.query.Urn;

import io.prmos.engine.security.Caller;
import io.prmos.engine.store.ActivityEntries;
import io.prmos.engine.store.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The tenant-wide log of user actions. Other packages call {@link #record}: inside their own
 * transaction (pass its connection, so the entry commits or rolls back with the work) or on their
 * own (pass {@code null}: the entry is written in a transaction of its own, in the caller's tenant).
 * The target is a record's URN {@code urn:prm:{module}:{entity}:{id}} or another URN such as
 * {@code urn:prm:module:partners}; record URNs make the entry visible to whoever may read the record.
 */
@ApplicationScoped
public class ActivityLog {

    /** The actions the kernel records; other packages may use further lowercase words. */
    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";
    public static final String RESTORED = "restored";
    public static final String PURGED = "purged";
    public static final String TRANSITIONED = "transitioned";
    public static final String EXPORTED = "exported";
    public static final String PUBLISHED = "published";

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z_]{0,31}");

    @Inject
    TenantTransactions transactions;

    /** Records one action of {@code caller} in their tenant. */
    public Uni<Void> record(SqlClient connection, Caller caller, String action, String target, String summary) {
        return record(connection, caller.tenant(), caller, action, target, summary);
    }

    /** As {@link #record(SqlClient, Caller, String, String, String)}, in an explicit tenant (maintenance jobs). */
    public Uni<Void> record(SqlClient connection, String tenant, Caller caller, String action, String target, String summary) {
        if (!ACTION.matcher(action).matches()) {
            return Uni.createFrom().failure(new IllegalArgumentException("an action is a lowercase word: " + action));
        }
        Optional<Urn> record = Urn.parse(target);
        String module = record.map(Urn::module).orElse(null);
        String entity = record.map(Urn::entity).orElse(null);
        UUID id = record.map(Urn::id).orElse(null);
        if (connection != null) {
            return ActivityEntries.append(connection, tenant, caller, action, module, entity, id, target, summary);
        }
        return transactions.run(caller, c -> ActivityEntries.append(c, tenant, caller, action, module, entity, id, target, summary));
    }

    static String action(io.prmos.engine.store.RecordChange.Operation operation) {
        return operation.name().toLowerCase(Locale.ROOT);
    }
}
