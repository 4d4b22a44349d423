-- Cluster-wide schedules (docs/deployment.md, docs/adr/0142): every engine instance fires its
-- @Scheduled methods, and the first instance to claim a (schedule, slot) row runs that slot; the
-- others skip it. A slot is the schedule's period counted from the epoch.
CREATE TABLE IF NOT EXISTS prm_kernel.schedule_run (
    name       varchar(120) NOT NULL,
    slot       bigint       NOT NULL,
    instance   varchar(120) NOT NULL,
    claimed_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (name, slot)
);
