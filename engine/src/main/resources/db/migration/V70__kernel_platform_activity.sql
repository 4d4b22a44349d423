-- Platform operations (publishing, rolling back and purging modules) change every tenant at once. They
-- are logged once, with no tenant (tenant_id NULL), and every tenant's admins read them next to their own
-- entries (ADR 0070). The data role may read such entries but never write one: the tenant_isolation
-- policy's WITH CHECK (tenant_id = the request's tenant) is false for NULL; the publisher writes them
-- as the owner.
ALTER TABLE prm_kernel.activity ALTER COLUMN tenant_id DROP NOT NULL;

DROP POLICY IF EXISTS platform_entries ON prm_kernel.activity;
CREATE POLICY platform_entries ON prm_kernel.activity FOR SELECT
    USING (tenant_id IS NULL);
