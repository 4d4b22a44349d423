-- Tenant overlays (issue 7): custom fields tenants add to entities of installed modules, and the
-- tenant's values of extensible dictionaries. Record values of custom fields live in the entity
-- tables' "_custom" jsonb column (ADR 0065); these tables hold only definitions.
CREATE TABLE IF NOT EXISTS prm_kernel.custom_field (
    tenant_id   varchar(63)  NOT NULL,
    module      varchar(63)  NOT NULL,
    entity      varchar(63)  NOT NULL,
    name        varchar(63)  NOT NULL,
    definition  jsonb        NOT NULL,
    access      jsonb        NOT NULL DEFAULT '{}'::jsonb,
    position    integer      NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    created_by  varchar(255) NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    updated_by  varchar(255) NOT NULL,
    PRIMARY KEY (tenant_id, module, entity, name)
);

-- Publishing looks custom fields up by module across all tenants (name collisions).
CREATE INDEX IF NOT EXISTS custom_field_module_idx ON prm_kernel.custom_field (module, entity, name);

-- One row per value a tenant added (added = true) or changed (label, position, active) in an
-- extensible dictionary; values the module declares and the tenant never touched have no row.
CREATE TABLE IF NOT EXISTS prm_kernel.dictionary_value (
    tenant_id   varchar(63)  NOT NULL,
    module      varchar(63)  NOT NULL,
    dictionary  varchar(63)  NOT NULL,
    code        varchar(63)  NOT NULL,
    label       varchar(255),
    position    integer,
    active      boolean      NOT NULL DEFAULT true,
    added       boolean      NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    updated_by  varchar(255) NOT NULL,
    PRIMARY KEY (tenant_id, module, dictionary, code)
);
