package io.prmos.metadata.model;

import java.util.Map;

/**
 * What one role may do with one entity. Operations absent from the manifest are denied
 * ({@link RecordScope#NONE} / false); fields absent from {@code fields} get {@code WRITE} when the
 * role may create or update, else {@code READ}.
 *
 * @param entity the entity as written in the manifest: {@code Partner} or {@code partners.Partner}
 */
public record EntityPermission(
        String entity,
        RecordScope read,
        boolean create,
        RecordScope update,
        RecordScope delete,
        RecordScope restore,
        boolean bulk,
        Map<String, FieldAccess> fields) {

    /** How this grant exposes {@code field}: as declared, else write when the role may create or update, else read. */
    public FieldAccess fieldAccess(String field) {
        FieldAccess declared = fields.get(field);
        if (declared != null) {
            return declared;
        }
        return create || !(update instanceof RecordScope.None) ? FieldAccess.WRITE : FieldAccess.READ;
    }
}
