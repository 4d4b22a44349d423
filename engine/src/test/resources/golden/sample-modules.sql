CREATE SCHEMA IF NOT EXISTS "organizations";
CREATE TABLE IF NOT EXISTS "organizations"."organization" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id" varchar(63) NOT NULL,
  "version" bigint NOT NULL DEFAULT 1,
  "created_at" timestamptz NOT NULL DEFAULT now(),
  "created_by" varchar(255) NOT NULL,
  "updated_at" timestamptz NOT NULL DEFAULT now(),
  "updated_by" varchar(255) NOT NULL,
  "deleted_at" timestamptz,
  "name" varchar(200) NOT NULL,
  "legal_name" varchar(300),
  "website" varchar(2048),
  "industry" varchar(63),
  "size" varchar(63),
  "employees" integer,
  "annual_revenue_amount" numeric(19,4),
  "annual_revenue_currency" char(3),
  "country" varchar(2),
  "vat_number" varchar(32),
  "description" text,
  CONSTRAINT "organization_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "organization_tenant_id_id_key" UNIQUE ("tenant_id", "id")
);
ALTER TABLE "organizations"."organization" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, left(coalesce("name"::text, ''), 100000)), 'A')) STORED;
COMMENT ON COLUMN "organizations"."organization"."search_vector" IS 'prm-search v2 simple 100000: name A';
CREATE SCHEMA IF NOT EXISTS "partners";
CREATE TABLE IF NOT EXISTS "partners"."_history" (
  "id" bigint GENERATED ALWAYS AS IDENTITY,
  "tenant_id" varchar(63) NOT NULL,
  "entity" varchar(63) NOT NULL,
  "record_id" uuid NOT NULL,
  "version" bigint NOT NULL,
  "operation" varchar(16) NOT NULL,
  "changed_by" varchar(255) NOT NULL,
  "changed_by_name" varchar(255),
  "changed_at" timestamptz NOT NULL DEFAULT now(),
  "request_id" varchar(128),
  "changes" jsonb NOT NULL,
  CONSTRAINT "_history_pkey" PRIMARY KEY ("id")
);
CREATE TABLE IF NOT EXISTS "partners"."partner" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id" varchar(63) NOT NULL,
  "version" bigint NOT NULL DEFAULT 1,
  "created_at" timestamptz NOT NULL DEFAULT now(),
  "created_by" varchar(255) NOT NULL,
  "updated_at" timestamptz NOT NULL DEFAULT now(),
  "updated_by" varchar(255) NOT NULL,
  "deleted_at" timestamptz,
  "name" varchar(200) NOT NULL,
  "tier" varchar(63) NOT NULL,
  "types" varchar(63)[],
  "region" varchar(63),
  "score" integer,
  "organization" uuid,
  "parent" uuid,
  "contact_email" varchar(320),
  "website" varchar(2048),
  "joined_on" date,
  "active" boolean,
  "annual_target_amount" numeric(19,4),
  "annual_target_currency" char(3),
  "notes" text,
  "won_total" numeric(19,2),
  "public_seq" bigint,
  "public_id" varchar(32),
  CONSTRAINT "partner_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "partner_tenant_id_id_key" UNIQUE ("tenant_id", "id")
);
ALTER TABLE "partners"."partner" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, left(coalesce("name"::text, ''), 60000)), 'A') || setweight(to_tsvector('simple'::regconfig, left(coalesce("contact_email"::text, ''), 60000)), 'B')) STORED;
COMMENT ON COLUMN "partners"."partner"."search_vector" IS 'prm-search v2 simple 60000: name A, contact_email B';
CREATE SCHEMA IF NOT EXISTS "deals";
CREATE TABLE IF NOT EXISTS "deals"."_history" (
  "id" bigint GENERATED ALWAYS AS IDENTITY,
  "tenant_id" varchar(63) NOT NULL,
  "entity" varchar(63) NOT NULL,
  "record_id" uuid NOT NULL,
  "version" bigint NOT NULL,
  "operation" varchar(16) NOT NULL,
  "changed_by" varchar(255) NOT NULL,
  "changed_by_name" varchar(255),
  "changed_at" timestamptz NOT NULL DEFAULT now(),
  "request_id" varchar(128),
  "changes" jsonb NOT NULL,
  CONSTRAINT "_history_pkey" PRIMARY KEY ("id")
);
CREATE TABLE IF NOT EXISTS "deals"."deal" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id" varchar(63) NOT NULL,
  "version" bigint NOT NULL DEFAULT 1,
  "created_at" timestamptz NOT NULL DEFAULT now(),
  "created_by" varchar(255) NOT NULL,
  "updated_at" timestamptz NOT NULL DEFAULT now(),
  "updated_by" varchar(255) NOT NULL,
  "deleted_at" timestamptz,
  "name" varchar(200) NOT NULL,
  "stage" varchar(63) NOT NULL,
  "source" varchar(63),
  "amount_amount" numeric(19,4) NOT NULL,
  "amount_currency" char(3) NOT NULL,
  "probability" numeric(5,2),
  "weighted_amount" numeric(19,2),
  "partner" uuid NOT NULL,
  "customer" uuid,
  "close_date" date,
  "registration_id" uuid,
  "details" jsonb,
  "description" text,
  "public_seq" bigint,
  "public_id" varchar(32),
  CONSTRAINT "deal_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "deal_tenant_id_id_key" UNIQUE ("tenant_id", "id")
);
ALTER TABLE "deals"."deal" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, left(coalesce("name"::text, ''), 100000)), 'A')) STORED;
COMMENT ON COLUMN "deals"."deal"."search_vector" IS 'prm-search v2 simple 100000: name A';
CREATE SCHEMA IF NOT EXISTS "people";
CREATE TABLE IF NOT EXISTS "people"."person" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "tenant_id" varchar(63) NOT NULL,
  "version" bigint NOT NULL DEFAULT 1,
  "created_at" timestamptz NOT NULL DEFAULT now(),
  "created_by" varchar(255) NOT NULL,
  "updated_at" timestamptz NOT NULL DEFAULT now(),
  "updated_by" varchar(255) NOT NULL,
  "deleted_at" timestamptz,
  "first_name" varchar(100) NOT NULL,
  "last_name" varchar(100) NOT NULL,
  "email" varchar(320),
  "phone" varchar(32),
  "job_title" varchar(150),
  "role" varchar(63),
  "organization" uuid,
  "birthday" date,
  "opted_in" boolean,
  "last_contacted_at" timestamptz,
  CONSTRAINT "person_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "person_tenant_id_id_key" UNIQUE ("tenant_id", "id")
);
ALTER TABLE "people"."person" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, left(coalesce("first_name"::text, ''), 40000)), 'A') || setweight(to_tsvector('simple'::regconfig, left(coalesce("last_name"::text, ''), 40000)), 'B') || setweight(to_tsvector('simple'::regconfig, left(coalesce("email"::text, ''), 40000)), 'C')) STORED;
COMMENT ON COLUMN "people"."person"."search_vector" IS 'prm-search v2 simple 40000: first_name A, last_name B, email C';
ALTER TABLE "organizations"."organization" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "organizations"."organization" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "organizations"."organization" USING ("tenant_id" = current_setting('prm.tenant', true)) WITH CHECK ("tenant_id" = current_setting('prm.tenant', true));
GRANT USAGE ON SCHEMA "organizations" TO "prm_app";
GRANT SELECT, INSERT, UPDATE, DELETE ON "organizations"."organization" TO "prm_app";
ALTER TABLE "partners"."_history" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "partners"."_history" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "partners"."_history" USING ("tenant_id" = current_setting('prm.tenant', true)) WITH CHECK ("tenant_id" = current_setting('prm.tenant', true));
GRANT USAGE ON SCHEMA "partners" TO "prm_app";
GRANT SELECT, INSERT, DELETE ON "partners"."_history" TO "prm_app";
ALTER TABLE "partners"."partner" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "partners"."partner" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "partners"."partner" USING ("tenant_id" = current_setting('prm.tenant', true)) WITH CHECK ("tenant_id" = current_setting('prm.tenant', true));
GRANT USAGE ON SCHEMA "partners" TO "prm_app";
GRANT SELECT, INSERT, UPDATE, DELETE ON "partners"."partner" TO "prm_app";
ALTER TABLE "deals"."_history" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "deals"."_history" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "deals"."_history" USING ("tenant_id" = current_setting('prm.tenant', true)) WITH CHECK ("tenant_id" = current_setting('prm.tenant', true));
GRANT USAGE ON SCHEMA "deals" TO "prm_app";
GRANT SELECT, INSERT, DELETE ON "deals"."_history" TO "prm_app";
ALTER TABLE "deals"."deal" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "deals"."deal" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "deals"."deal" USING ("tenant_id" = current_setting('prm.tenant', true)) WITH CHECK ("tenant_id" = current_setting('prm.tenant', true));
GRANT USAGE ON SCHEMA "deals" TO "prm_app";
GRANT SELECT, INSERT, UPDATE, DELETE ON "deals"."deal" TO "prm_app";
ALTER TABLE "people"."person" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "people"."person" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "people"."person" USING ("tenant_id" = current_setting('prm.tenant', true)) WITH CHECK ("tenant_id" = current_setting('prm.tenant', true));
GRANT USAGE ON SCHEMA "people" TO "prm_app";
GRANT SELECT, INSERT, UPDATE, DELETE ON "people"."person" TO "prm_app";
ALTER TABLE "partners"."partner" ADD CONSTRAINT "partner_parent_fkey" FOREIGN KEY ("tenant_id", "parent") REFERENCES "partners"."partner" ("tenant_id", "id") ON DELETE SET NULL ("parent");
CREATE INDEX IF NOT EXISTS "organization_search_vector_idx" ON "organizations"."organization" USING gin ("search_vector") WITH (fastupdate = on, gin_pending_list_limit = 64);
CREATE INDEX IF NOT EXISTS "organization_created_at_idx" ON "organizations"."organization" ("tenant_id", "created_at", "id");
CREATE INDEX IF NOT EXISTS "organization_name_idx" ON "organizations"."organization" ("tenant_id", "name", "id");
CREATE INDEX IF NOT EXISTS "organization_industry_idx" ON "organizations"."organization" ("tenant_id", "industry");
CREATE INDEX IF NOT EXISTS "organization_size_idx" ON "organizations"."organization" ("tenant_id", "size");
CREATE INDEX IF NOT EXISTS "organization_employees_idx" ON "organizations"."organization" ("tenant_id", "employees", "id");
CREATE INDEX IF NOT EXISTS "organization_country_idx" ON "organizations"."organization" ("tenant_id", "country", "id");
CREATE UNIQUE INDEX IF NOT EXISTS "organization_vat_number_key" ON "organizations"."organization" ("tenant_id", "vat_number") WHERE "deleted_at" IS NULL;
CREATE INDEX IF NOT EXISTS "_history_record_idx" ON "partners"."_history" ("tenant_id", "entity", "record_id", "id" DESC);
CREATE INDEX IF NOT EXISTS "partner_search_vector_idx" ON "partners"."partner" USING gin ("search_vector") WITH (fastupdate = on, gin_pending_list_limit = 64);
CREATE INDEX IF NOT EXISTS "partner_created_at_idx" ON "partners"."partner" ("tenant_id", "created_at", "id");
CREATE INDEX IF NOT EXISTS "partner_name_idx" ON "partners"."partner" ("tenant_id", "name", "id");
CREATE INDEX IF NOT EXISTS "partner_tier_idx" ON "partners"."partner" ("tenant_id", "tier", "id");
CREATE INDEX IF NOT EXISTS "partner_types_gin" ON "partners"."partner" USING gin ("types");
CREATE INDEX IF NOT EXISTS "partner_region_idx" ON "partners"."partner" ("tenant_id", "region");
CREATE INDEX IF NOT EXISTS "partner_score_idx" ON "partners"."partner" ("tenant_id", "score", "id");
CREATE INDEX IF NOT EXISTS "partner_organization_idx" ON "partners"."partner" ("tenant_id", "organization");
CREATE INDEX IF NOT EXISTS "partner_parent_idx" ON "partners"."partner" ("tenant_id", "parent");
CREATE INDEX IF NOT EXISTS "partner_joined_on_idx" ON "partners"."partner" ("tenant_id", "joined_on", "id");
CREATE INDEX IF NOT EXISTS "partner_active_idx" ON "partners"."partner" ("tenant_id", "active");
CREATE INDEX IF NOT EXISTS "partner_won_total_idx" ON "partners"."partner" ("tenant_id", "won_total", "id");
CREATE INDEX IF NOT EXISTS "partner_score_name_sort" ON "partners"."partner" ("tenant_id", "score" DESC, "name", "id");
CREATE UNIQUE INDEX IF NOT EXISTS "partner_public_id_key" ON "partners"."partner" ("tenant_id", "public_id") WHERE "deleted_at" IS NULL;
CREATE INDEX IF NOT EXISTS "partner_public_seq_idx" ON "partners"."partner" ("tenant_id", "public_seq");
CREATE INDEX IF NOT EXISTS "partner_region_tier_idx" ON "partners"."partner" ("tenant_id", "region", "tier");
CREATE INDEX IF NOT EXISTS "_history_record_idx" ON "deals"."_history" ("tenant_id", "entity", "record_id", "id" DESC);
CREATE INDEX IF NOT EXISTS "deal_search_vector_idx" ON "deals"."deal" USING gin ("search_vector") WITH (fastupdate = on, gin_pending_list_limit = 64);
CREATE INDEX IF NOT EXISTS "deal_created_at_idx" ON "deals"."deal" ("tenant_id", "created_at", "id");
CREATE INDEX IF NOT EXISTS "deal_name_idx" ON "deals"."deal" ("tenant_id", "name", "id");
CREATE INDEX IF NOT EXISTS "deal_stage_idx" ON "deals"."deal" ("tenant_id", "stage", "id");
CREATE INDEX IF NOT EXISTS "deal_source_idx" ON "deals"."deal" ("tenant_id", "source");
CREATE INDEX IF NOT EXISTS "deal_amount_amount_idx" ON "deals"."deal" ("tenant_id", "amount_amount", "id");
CREATE INDEX IF NOT EXISTS "deal_weighted_amount_idx" ON "deals"."deal" ("tenant_id", "weighted_amount", "id");
CREATE INDEX IF NOT EXISTS "deal_partner_idx" ON "deals"."deal" ("tenant_id", "partner");
CREATE INDEX IF NOT EXISTS "deal_customer_idx" ON "deals"."deal" ("tenant_id", "customer");
CREATE INDEX IF NOT EXISTS "deal_close_date_idx" ON "deals"."deal" ("tenant_id", "close_date", "id");
CREATE UNIQUE INDEX IF NOT EXISTS "deal_public_id_key" ON "deals"."deal" ("tenant_id", "public_id") WHERE "deleted_at" IS NULL;
CREATE INDEX IF NOT EXISTS "deal_public_seq_idx" ON "deals"."deal" ("tenant_id", "public_seq");
CREATE INDEX IF NOT EXISTS "person_search_vector_idx" ON "people"."person" USING gin ("search_vector") WITH (fastupdate = on, gin_pending_list_limit = 64);
CREATE INDEX IF NOT EXISTS "person_created_at_idx" ON "people"."person" ("tenant_id", "created_at", "id");
CREATE INDEX IF NOT EXISTS "person_first_name_idx" ON "people"."person" ("tenant_id", "first_name", "id");
CREATE INDEX IF NOT EXISTS "person_last_name_idx" ON "people"."person" ("tenant_id", "last_name", "id");
CREATE UNIQUE INDEX IF NOT EXISTS "person_email_key" ON "people"."person" ("tenant_id", "email") WHERE "deleted_at" IS NULL;
CREATE INDEX IF NOT EXISTS "person_role_idx" ON "people"."person" ("tenant_id", "role");
CREATE INDEX IF NOT EXISTS "person_organization_idx" ON "people"."person" ("tenant_id", "organization");
CREATE INDEX IF NOT EXISTS "person_opted_in_idx" ON "people"."person" ("tenant_id", "opted_in");
CREATE INDEX IF NOT EXISTS "person_last_contacted_at_idx" ON "people"."person" ("tenant_id", "last_contacted_at", "id");
CREATE INDEX IF NOT EXISTS "person_last_name_first_name_sort" ON "people"."person" ("tenant_id", "last_name", "first_name", "id");
