/**
 * Audit history, the tenant-wide activity log and the recycle bin (docs/audit.md): the change
 * observers that record record writes inside their transaction, the ActivityLog service other
 * packages call, the REST resources, and the retention job. SQL lives in the store and schema
 * packages; this package decides what is recorded and who may see it. It may depend on store,
 * schema, security and registry, and nothing depends on it except through ActivityLog.
 */
package io.prmos.engine.audit;
