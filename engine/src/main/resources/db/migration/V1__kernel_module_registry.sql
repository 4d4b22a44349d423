-- The kernel's own tables live in prm_kernel; manifest-defined tables live in one schema per module.
CREATE TABLE IF NOT EXISTS prm_kernel.module_version (
    id           bigserial PRIMARY KEY,
    module       varchar(63)  NOT NULL,
    version      varchar(64)  NOT NULL,
    checksum     varchar(64)  NOT NULL,
    manifest     text         NOT NULL,
    status       varchar(16)  NOT NULL CHECK (status IN ('active', 'superseded', 'rolled_back')),
    installed_at timestamptz  NOT NULL DEFAULT now(),
    installed_by varchar(255) NOT NULL,
    CONSTRAINT module_version_module_version_key UNIQUE (module, version)
);

CREATE UNIQUE INDEX IF NOT EXISTS module_version_one_active_idx
    ON prm_kernel.module_version (module) WHERE status = 'active';
