-- Typed links between records of any modules (docs/registry.md). Both ends are URNs; the type is a
-- link type a manifest declares (module.name). Rows are read and written by the data role under
-- row-level security on tenant_id, like the records themselves.
CREATE TABLE IF NOT EXISTS prm_kernel.record_link (
    id         uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id  varchar(63)  NOT NULL,
    type       varchar(127) NOT NULL,
    from_urn   varchar(255) NOT NULL,
    to_urn     varchar(255) NOT NULL,
    created_by varchar(255) NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT record_link_unique_key UNIQUE (tenant_id, type, from_urn, to_urn)
);

CREATE INDEX IF NOT EXISTS record_link_to_idx ON prm_kernel.record_link (tenant_id, to_urn);

ALTER TABLE prm_kernel.record_link ENABLE ROW LEVEL SECURITY;
ALTER TABLE prm_kernel.record_link FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON prm_kernel.record_link;
CREATE POLICY tenant_isolation ON prm_kernel.record_link
    USING (tenant_id = current_setting('prm.tenant', true))
    WITH CHECK (tenant_id = current_setting('prm.tenant', true));
