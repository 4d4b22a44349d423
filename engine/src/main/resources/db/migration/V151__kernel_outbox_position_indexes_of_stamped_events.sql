-- An event is written without a position; the relay stamps it after commit (V40). The indexes on
-- position therefore only need stamped events: partial, they no longer get an entry for every
-- written event's NULL, which the stamp then adds again (docs/adr/0099). Every read by position
-- (`position > $1`, max(position)) implies `position IS NOT NULL`, so the planner uses them as before.
CREATE UNIQUE INDEX IF NOT EXISTS event_outbox_stamped_position_idx
    ON prm_kernel.event_outbox (position) WHERE position IS NOT NULL;
CREATE INDEX IF NOT EXISTS event_outbox_stamped_tenant_position_idx
    ON prm_kernel.event_outbox (tenant_id, position) WHERE position IS NOT NULL;
ALTER TABLE prm_kernel.event_outbox DROP CONSTRAINT IF EXISTS event_outbox_position_key;
DROP INDEX IF EXISTS prm_kernel.event_outbox_tenant_position_idx;
