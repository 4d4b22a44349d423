-- Saved list views of the web UI: per tenant and user, per entity (qualified name such as partners.Partner).
-- Filter and sort are stored as the API's query texts; they are checked against the entity when saved
-- and again by the list API when used, so a view that outlived a manifest change fails visibly.
CREATE TABLE IF NOT EXISTS prm_kernel.ui_saved_view (
    id          uuid          PRIMARY KEY,
    tenant_id   varchar(63)   NOT NULL,
    owner       varchar(255)  NOT NULL,
    entity      varchar(200)  NOT NULL,
    name        varchar(200)  NOT NULL,
    filter      text,
    sort        varchar(200)[] NOT NULL,
    columns     varchar(200)[] NOT NULL,
    is_default  boolean       NOT NULL DEFAULT false,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS ui_saved_view_owner_idx ON prm_kernel.ui_saved_view (tenant_id, owner, entity, name);
