-- The tenant-wide activity log: who did what to which record or module, newest first per tenant.
-- Row-level security confines the data role to its tenant; the owner (publisher, maintenance jobs)
-- is not forced through the policy. Grants to the data role are made at start (KernelGrants), because
-- the role's name is configuration and the role may not exist before the engine creates it.
CREATE TABLE IF NOT EXISTS prm_kernel.activity (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    varchar(63)  NOT NULL,
    occurred_at  timestamptz  NOT NULL DEFAULT now(),
    actor        varchar(255) NOT NULL,
    actor_name   varchar(255),
    action       varchar(32)  NOT NULL,
    module       varchar(63),
    entity       varchar(63),
    record_id    uuid,
    target       varchar(512) NOT NULL,
    summary      varchar(1000) NOT NULL,
    request_id   varchar(128)
);

CREATE INDEX IF NOT EXISTS activity_tenant_idx ON prm_kernel.activity (tenant_id, id DESC);
CREATE INDEX IF NOT EXISTS activity_record_idx ON prm_kernel.activity (tenant_id, module, entity, record_id);

ALTER TABLE prm_kernel.activity ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON prm_kernel.activity;
CREATE POLICY tenant_isolation ON prm_kernel.activity
    USING (tenant_id = current_setting('prm.tenant', true))
    WITH CHECK (tenant_id = current_setting('prm.tenant', true));
