-- Drafts of the metadata designer (issue 14): one per module and author, the manifest text exactly as
-- the author's editor holds it (valid or not). A draft is platform data like the module registry, not a
-- tenant's: only platform operators read or write drafts. base_version is the version that was active
-- when the draft began (NULL for a new module), so the designer can warn when someone published since.
-- revision grows with every save and is the draft's ETag (two tabs of one author cannot overwrite
-- each other silently); drafts of other authors on the same module are shown as a conflict warning.
CREATE TABLE IF NOT EXISTS prm_kernel.designer_draft (
    module        varchar(63)   NOT NULL,
    author        varchar(255)  NOT NULL,
    author_name   varchar(255)  NOT NULL,
    base_version  varchar(100),
    file          varchar(255)  NOT NULL,
    source        text          NOT NULL,
    revision      integer       NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (module, author)
);
