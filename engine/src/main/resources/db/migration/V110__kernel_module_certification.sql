-- The certification result a publish carried for a module version (docs/publishing.md#certification,
-- ADR 0112): which checks passed for exactly which manifest text, with which tool, and whether the
-- certificate was signed with this engine's certification key. Written in the publish transaction.
CREATE TABLE IF NOT EXISTS prm_kernel.module_certification (
    id                bigserial    PRIMARY KEY,
    module            varchar(63)  NOT NULL,
    version           varchar(64)  NOT NULL,
    manifest_checksum varchar(64)  NOT NULL,
    passed            boolean      NOT NULL,
    checks            text         NOT NULL,
    tool_version      varchar(255) NOT NULL,
    certified_at      varchar(64)  NOT NULL,
    digest            varchar(64)  NOT NULL,
    signed            boolean      NOT NULL,
    certificate       text         NOT NULL,
    recorded_at       timestamptz  NOT NULL DEFAULT now(),
    recorded_by       varchar(255) NOT NULL,
    CONSTRAINT module_certification_module_version_key UNIQUE (module, version)
);
