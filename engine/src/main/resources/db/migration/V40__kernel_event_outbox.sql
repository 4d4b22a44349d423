-- The transactional outbox: one row per domain event, written by the data role in the same
-- transaction as the change it describes (docs/events.md, docs/adr/0040).
--   id        insertion order (a sequence value taken when the row is written, not commit order)
--   position  the global replay order: stamped by the relay after commit, in commit-visibility order,
--             so a reader that saw position N never later finds an event below N (NULL until stamped)
--   sequence  per record: the record's version after the change (row locks serialise writes of one record)
CREATE TABLE IF NOT EXISTS prm_kernel.event_outbox (
    id          bigserial    PRIMARY KEY,
    position    bigint       UNIQUE,
    event_id    uuid         NOT NULL UNIQUE,
    tenant_id   varchar(63)  NOT NULL,
    type        varchar(255) NOT NULL,
    module      varchar(63)  NOT NULL,
    entity      varchar(63),
    record_id   uuid,
    subject     varchar(255),
    sequence    bigint,
    actor       varchar(255) NOT NULL,
    occurred_at timestamptz  NOT NULL DEFAULT clock_timestamp(),
    data        jsonb        NOT NULL
);

CREATE INDEX IF NOT EXISTS event_outbox_unstamped_idx ON prm_kernel.event_outbox (id) WHERE position IS NULL;
CREATE INDEX IF NOT EXISTS event_outbox_tenant_position_idx ON prm_kernel.event_outbox (tenant_id, position);

-- The data role writes events with its tenant set; the policy keeps tenants apart as on record tables.
-- The owner (relay, replay) is not subject to it: the table is not FORCE ROW LEVEL SECURITY.
ALTER TABLE prm_kernel.event_outbox ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON prm_kernel.event_outbox;
CREATE POLICY tenant_isolation ON prm_kernel.event_outbox
    USING (tenant_id = current_setting('prm.tenant', true))
    WITH CHECK (tenant_id = current_setting('prm.tenant', true));

-- How far each global subscriber (webhook fan-out, automations) has consumed the log.
CREATE TABLE IF NOT EXISTS prm_kernel.event_subscriber_progress (
    subscriber  varchar(120) PRIMARY KEY,
    position    bigint       NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
