-- API keys of service accounts and workers. Only a SHA-256 hash of the secret is stored; the key
-- itself is shown once, when it is created.
CREATE TABLE IF NOT EXISTS prm_kernel.api_key (
    id           uuid         PRIMARY KEY,
    tenant_id    varchar(63)  NOT NULL,
    name         varchar(200) NOT NULL,
    roles        varchar(63)[] NOT NULL,
    secret_hash  varchar(64)  NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    created_by   varchar(255) NOT NULL,
    revoked_at   timestamptz,
    revoked_by   varchar(255)
);

CREATE INDEX IF NOT EXISTS api_key_tenant_idx ON prm_kernel.api_key (tenant_id, created_at);
