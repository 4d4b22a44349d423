-- The last public-id number handed out per tenant and entity (docs/adr/0090). A create takes its
-- number here in a short transaction of its own, before the record's transaction begins, so concurrent
-- creates no longer queue behind each other's commit. The data role reads and moves its tenant's
-- counters under row-level security; grants are made at start (KernelGrants).
CREATE TABLE IF NOT EXISTS prm_kernel.public_id_counter (
    tenant_id  varchar(63)  NOT NULL,
    entity     varchar(127) NOT NULL,
    last_value bigint       NOT NULL,
    PRIMARY KEY (tenant_id, entity)
);

ALTER TABLE prm_kernel.public_id_counter ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON prm_kernel.public_id_counter;
CREATE POLICY tenant_isolation ON prm_kernel.public_id_counter
    USING (tenant_id = current_setting('prm.tenant', true))
    WITH CHECK (tenant_id = current_setting('prm.tenant', true));
