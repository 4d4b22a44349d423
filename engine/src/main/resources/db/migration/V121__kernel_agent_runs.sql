-- Agent runs and everything that happened in them (docs/agents.md). A run's events are its steps and
-- its stream: model text (deltas and whole messages), tool calls and results, approvals, status changes,
-- the output; seq orders them and is the SSE id (Last-Event-ID resume). heartbeat_at lets a restarted
-- engine tell a run whose instance died (failed on restart) from one another instance is executing.
CREATE TABLE IF NOT EXISTS prm_kernel.agent_run (
    id             uuid PRIMARY KEY,
    tenant_id      varchar(63)  NOT NULL,
    module         varchar(63)  NOT NULL,
    agent          varchar(63)  NOT NULL,
    agent_version  varchar(64)  NOT NULL,
    trigger        varchar(16)  NOT NULL CHECK (trigger IN ('manual', 'event', 'schedule')),
    trigger_key    varchar(255),
    principal      varchar(255) NOT NULL,
    principal_name varchar(255),
    principal_roles text[]      NOT NULL,
    acts_as_agent  boolean      NOT NULL,
    status         varchar(24)  NOT NULL CHECK (status IN ('queued', 'running', 'waiting_for_approval', 'succeeded',
                                                          'failed', 'cancelled', 'timed_out')),
    reason         varchar(2000),
    input          jsonb        NOT NULL,
    instructions   text         NOT NULL,
    output         jsonb,
    steps          integer      NOT NULL DEFAULT 0,
    tokens_in      integer      NOT NULL DEFAULT 0,
    tokens_out     integer      NOT NULL DEFAULT 0,
    elapsed_ms     bigint       NOT NULL DEFAULT 0,
    pending_call   jsonb,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    heartbeat_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS agent_run_tenant_idx ON prm_kernel.agent_run (tenant_id, created_at DESC);
CREATE INDEX IF NOT EXISTS agent_run_active_idx ON prm_kernel.agent_run (status) WHERE status IN ('queued', 'running');
-- an event starts a given agent once in its tenant, however often the relay delivers it
CREATE UNIQUE INDEX IF NOT EXISTS agent_run_trigger_key ON prm_kernel.agent_run (tenant_id, module, agent, trigger_key);
ALTER TABLE prm_kernel.agent_run ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON prm_kernel.agent_run;
CREATE POLICY tenant_isolation ON prm_kernel.agent_run
    USING (tenant_id = current_setting('prm.tenant', true))
    WITH CHECK (tenant_id = current_setting('prm.tenant', true));

CREATE TABLE IF NOT EXISTS prm_kernel.agent_run_event (
    run_id     uuid        NOT NULL REFERENCES prm_kernel.agent_run (id) ON DELETE CASCADE,
    seq        integer     NOT NULL,
    tenant_id  varchar(63) NOT NULL,
    kind       varchar(32) NOT NULL,
    data       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, seq)
);
ALTER TABLE prm_kernel.agent_run_event ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON prm_kernel.agent_run_event;
CREATE POLICY tenant_isolation ON prm_kernel.agent_run_event
    USING (tenant_id = current_setting('prm.tenant', true))
    WITH CHECK (tenant_id = current_setting('prm.tenant', true));

-- one row per (agent, scheduled time): the instance whose insert succeeds starts the runs
CREATE TABLE IF NOT EXISTS prm_kernel.agent_schedule_fire (
    agent      varchar(127) NOT NULL,
    fire_time  timestamptz  NOT NULL,
    instance   varchar(64)  NOT NULL,
    PRIMARY KEY (agent, fire_time)
);
