package io.prmos.metadata.check;

import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.EntityFeatures;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import java.time.Duration;

/**
 * Rules on an entity's {@code features}: a recycle-bin retention between one hour and ten years,
 * and no hard delete (softDelete off) on an entity whose own records reference it with
 * {@code onDelete: setNull} or {@code cascade} while audit is on — such a delete would change
 * or remove rows the history never hears of.
 */
final class FeatureRules {

    static final Duration MIN_RETENTION = Duration.ofHours(1);
    static final Duration MAX_RETENTION = Duration.ofDays(3650);

    private FeatureRules() {
    }

    static void check(ModuleContext context, EntityDef entity) {
        EntityFeatures features = entity.features();
        String pointer = Pointer.of("entities", entity.name(), "features");
        features.retention().ifPresent(retention -> {
            if (retention.compareTo(MIN_RETENTION) < 0 || retention.compareTo(MAX_RETENTION) > 0) {
                context.atValue(pointer + "/softDelete/retention", "a recycle-bin retention must be between 1h and 3650d");
            }
        });
        if (!features.softDelete() && features.audit()) {
            for (FieldDef field : entity.fields().values()) {
                if (field.type() instanceof FieldType.Reference ref && !ref.crossModule() && ref.targetEntity().equals(entity.name())
                        && ref.onDelete() != FieldType.OnDelete.RESTRICT) {
                    context.atValue(pointer + "/softDelete", "entity '" + entity.name() + "' turns softDelete off but field '"
                            + field.name() + "' references it with onDelete " + (ref.onDelete() == FieldType.OnDelete.SET_NULL ? "setNull" : "cascade")
                            + ": the database would change audited records unrecorded; use onDelete: restrict or keep softDelete");
                }
            }
        }
    }
}
