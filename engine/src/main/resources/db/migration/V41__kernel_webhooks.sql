-- Webhook subscriptions (admin API or manifests) and their deliveries (docs/events.md, docs/adr/0042).
CREATE TABLE IF NOT EXISTS prm_kernel.webhook_subscription (
    id          uuid          PRIMARY KEY,
    tenant_id   varchar(63),
    name        varchar(200)  NOT NULL,
    pattern     varchar(255)  NOT NULL,
    url         varchar(2000) NOT NULL,
    secret      varchar(255)  NOT NULL,
    source      varchar(16)   NOT NULL CHECK (source IN ('api', 'manifest')),
    module      varchar(63),
    active      boolean       NOT NULL DEFAULT true,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    created_by  varchar(255)  NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS webhook_subscription_manifest_key
    ON prm_kernel.webhook_subscription (module, name) WHERE source = 'manifest';

-- One row per (subscription, event): the idempotent fan-out target and the delivery log.
CREATE TABLE IF NOT EXISTS prm_kernel.webhook_delivery (
    id               bigserial    PRIMARY KEY,
    subscription_id  uuid         NOT NULL REFERENCES prm_kernel.webhook_subscription (id) ON DELETE CASCADE,
    event_id         uuid         NOT NULL,
    position         bigint       NOT NULL,
    subject          varchar(255),
    status           varchar(16)  NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts         int          NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz  NOT NULL DEFAULT now(),
    last_status      int,
    last_error       varchar(1000),
    created_at       timestamptz  NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, event_id)
);
CREATE INDEX IF NOT EXISTS webhook_delivery_due_idx ON prm_kernel.webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS webhook_delivery_log_idx ON prm_kernel.webhook_delivery (subscription_id, id DESC);

-- Each attempt, for the delivery log.
CREATE TABLE IF NOT EXISTS prm_kernel.webhook_attempt (
    id           bigserial    PRIMARY KEY,
    delivery_id  bigint       NOT NULL REFERENCES prm_kernel.webhook_delivery (id) ON DELETE CASCADE,
    attempted_at timestamptz  NOT NULL DEFAULT now(),
    status       int,
    error        varchar(1000),
    duration_ms  int          NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_attempt_delivery_idx ON prm_kernel.webhook_attempt (delivery_id);
