-- The kernel job queue (docs/jobs.md, docs/adr/0141): work for workers in any language, leased over
-- HTTP. A job is queued (waiting for run_at), leased (a worker holds lease_token until
-- lease_expires_at), done or dead (attempts exhausted, or failed without retry). Row-level security
-- keeps each tenant's jobs to itself; the data role reads and writes them with the tenant set.
CREATE TABLE IF NOT EXISTS prm_kernel.job (
    id               uuid          PRIMARY KEY,
    tenant_id        varchar(63)   NOT NULL,
    type             varchar(120)  NOT NULL,
    payload          jsonb         NOT NULL,
    status           varchar(16)   NOT NULL CHECK (status IN ('queued', 'leased', 'done', 'dead')),
    idempotency_key  varchar(200),
    attempts         int           NOT NULL DEFAULT 0,
    max_attempts     int           NOT NULL CHECK (max_attempts BETWEEN 1 AND 100),
    run_at           timestamptz   NOT NULL DEFAULT now(),
    lease_token      uuid,
    lease_expires_at timestamptz,
    leased_by        varchar(255),
    result           jsonb,
    last_error       varchar(2000),
    created_at       timestamptz   NOT NULL DEFAULT now(),
    created_by       varchar(255)  NOT NULL,
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    CONSTRAINT job_idempotency UNIQUE (tenant_id, idempotency_key)
);

-- Leasing looks for due queued jobs and expired leases of some types, oldest first.
CREATE INDEX IF NOT EXISTS job_due_idx ON prm_kernel.job (tenant_id, type, run_at) WHERE status IN ('queued', 'leased');
CREATE INDEX IF NOT EXISTS job_list_idx ON prm_kernel.job (tenant_id, created_at DESC);

ALTER TABLE prm_kernel.job ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON prm_kernel.job;
CREATE POLICY tenant_isolation ON prm_kernel.job
    USING (tenant_id = current_setting('prm.tenant', true))
    WITH CHECK (tenant_id = current_setting('prm.tenant', true));
