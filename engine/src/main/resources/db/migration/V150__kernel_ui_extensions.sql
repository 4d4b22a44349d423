-- Module UI extensions (docs/ui-extensions.md, ADR 0151): the bundle `prm` built from a module's ui/
-- folder, stored with the module version it was published with. The active version's row is the one
-- served, so a rollback of the module version rolls back its UI. Content is immutable per hash.
CREATE TABLE IF NOT EXISTS prm_kernel.module_ui_bundle (
    module     varchar(63)  NOT NULL,
    version    varchar(64)  NOT NULL,
    hash       varchar(64)  NOT NULL,
    content    text         NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (module, version)
);

CREATE INDEX IF NOT EXISTS module_ui_bundle_hash_idx ON prm_kernel.module_ui_bundle (module, hash);
