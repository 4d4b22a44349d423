-- Notifications (per user, unread until marked read) and tasks (assigned to a user, linked to a record
-- by URN): kernel features used by people and by agents (docs/agents.md). Row-level security confines
-- the data role to its tenant, as for every kernel table; who of the tenant sees a row is the kernel's
-- check (recipient, assignee or creator). Grants to the data role are made at start (AgentGrants).
CREATE TABLE IF NOT EXISTS prm_kernel.notification (
    id          uuid PRIMARY KEY,
    tenant_id   varchar(63)  NOT NULL,
    recipient   varchar(255) NOT NULL,
    title       varchar(200) NOT NULL,
    body        varchar(4000),
    link        varchar(512),
    sender      varchar(255) NOT NULL,
    sender_name varchar(255),
    created_at  timestamptz  NOT NULL DEFAULT now(),
    read_at     timestamptz
);
CREATE INDEX IF NOT EXISTS notification_recipient_idx ON prm_kernel.notification (tenant_id, recipient, created_at DESC);
ALTER TABLE prm_kernel.notification ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON prm_kernel.notification;
CREATE POLICY tenant_isolation ON prm_kernel.notification
    USING (tenant_id = current_setting('prm.tenant', true))
    WITH CHECK (tenant_id = current_setting('prm.tenant', true));

CREATE TABLE IF NOT EXISTS prm_kernel.task (
    id            uuid PRIMARY KEY,
    tenant_id     varchar(63)  NOT NULL,
    title         varchar(200) NOT NULL,
    description   varchar(4000),
    assignee      varchar(255) NOT NULL,
    record_urn    varchar(512),
    status        varchar(16)  NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    due_on        date,
    created_by    varchar(255) NOT NULL,
    created_by_name varchar(255),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS task_assignee_idx ON prm_kernel.task (tenant_id, assignee, status, created_at DESC);
CREATE INDEX IF NOT EXISTS task_record_idx ON prm_kernel.task (tenant_id, record_urn);
ALTER TABLE prm_kernel.task ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON prm_kernel.task;
CREATE POLICY tenant_isolation ON prm_kernel.task
    USING (tenant_id = current_setting('prm.tenant', true))
    WITH CHECK (tenant_id = current_setting('prm.tenant', true));
